# fixture: option min_days=14
resource "aws_db_instance" "ten" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 10 # want "aws-rds-backup-retention"
}

resource "aws_db_instance" "fourteen" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 14
}

# min_days does not apply to Redshift.
resource "aws_redshift_cluster" "one_day" {
  cluster_identifier                  = "one-day"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = 1
}
