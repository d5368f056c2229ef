variable "name" {
  type = string
}

variable "multi_az" {
  type = bool
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = var.multi_az # want "aws-rds-multi-az"
}
