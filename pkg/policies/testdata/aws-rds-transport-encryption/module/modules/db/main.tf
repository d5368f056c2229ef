variable "name" {
  type = string
}

variable "secure_transport" {
  type = string
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-mysql"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = var.secure_transport
  }
}

resource "aws_db_instance" "this" {
  identifier           = var.name
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.this.name # want "aws-rds-transport-encryption"
}
