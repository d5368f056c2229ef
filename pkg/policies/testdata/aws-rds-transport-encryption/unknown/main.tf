# fixture: hcl-only a real plan always has values for these variables

variable "engine" {
  type = string
}

variable "tls" {
  type = string
}

variable "pg_version" {
  type = string
}

resource "aws_db_instance" "engine_unknown" {
  engine         = var.engine # undetermined "aws-rds-transport-encryption"
  instance_class = "db.m6g.large"
}

resource "aws_db_parameter_group" "tls_unknown" {
  name   = "tls-unknown"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = var.tls
  }
}

resource "aws_db_instance" "value_unknown" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.tls_unknown.name # undetermined "aws-rds-transport-encryption"
}

resource "aws_db_instance" "version_unknown" { # undetermined "aws-rds-transport-encryption"
  engine         = "postgres"
  engine_version = var.pg_version
  instance_class = "db.m6g.large"
}
