# fixture: option min_days=1
# The instance default is 1 day by the RDS API and 0 by the provider docs: not decidable.
resource "aws_db_instance" "omitted" { # undetermined "aws-rds-backup-retention"
  engine         = "mysql"
  instance_class = "db.m6g.large"
}

# The cluster default is 1 day.
resource "aws_rds_cluster" "omitted" {
  cluster_identifier = "clinical"
  engine             = "aurora-mysql"
}

resource "aws_db_instance" "disabled" {
  engine                  = "mysql"
  instance_class          = "db.m6g.large"
  backup_retention_period = 0 # want "aws-rds-backup-retention"
}
