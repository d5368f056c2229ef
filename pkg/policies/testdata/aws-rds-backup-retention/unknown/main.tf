# fixture: hcl-only a real plan always has values for these variables

variable "days" {
  type = number
}

resource "aws_db_instance" "main" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = var.days # undetermined "aws-rds-backup-retention"
}

resource "aws_redshift_cluster" "main" {
  cluster_identifier                  = "main"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = var.days # undetermined "aws-rds-backup-retention"
}
