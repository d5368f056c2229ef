# fixture: hcl-only a plan shows the computed group of `x ? ref : null` as unknown, with references
# The module pattern `create ? aws_db_parameter_group.x[0].name : null`: with
# create false the group is omitted and the default group applies.
variable "create_group" {
  type    = bool
  default = false
}

resource "aws_db_parameter_group" "tls" {
  count  = var.create_group ? 1 : 0
  name   = "tls"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_db_instance" "main" { # want "aws-rds-transport-encryption"
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = var.create_group ? aws_db_parameter_group.tls[0].name : null
}

resource "aws_db_instance" "source" {
  identifier           = "source"
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = "default.mysql8.0" # want "aws-rds-transport-encryption"
}

locals {
  is_replica = aws_db_instance.source.identifier != null
}

# terraform-aws-modules/rds writes `engine = local.is_replica ? null : var.engine`
# with is_replica computed from the source: a null engine whose expression has
# references is still omitted, and the replica takes its source's engine.
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  instance_class      = "db.m6g.large"
  replicate_source_db = aws_db_instance.source.identifier
  engine              = local.is_replica ? null : "mysql"
}
