locals {
  databases = {
    billing   = "1"
    analytics = "0"
  }
}

resource "aws_db_parameter_group" "db" {
  for_each = local.databases
  name     = "${each.key}-params"
  family   = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = each.value
  }
}

resource "aws_db_instance" "db" {
  for_each             = local.databases
  identifier           = each.key
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.db[each.key].name # want "aws-rds-transport-encryption"
}
