variable "name" {
  type = string
}

variable "retention" {
  type = number
}

resource "aws_db_instance" "this" {
  identifier              = var.name
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = var.retention # want "aws-rds-backup-retention"
}
