resource "aws_db_instance" "disabled" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 0 # want "aws-rds-backup-retention"
}

resource "aws_db_instance" "short" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 3 # want "aws-rds-backup-retention"
}

resource "aws_db_instance" "omitted" { # want "aws-rds-backup-retention"
  engine         = "mysql"
  instance_class = "db.m6g.large"
}

resource "aws_rds_cluster" "omitted" { # want "aws-rds-backup-retention"
  cluster_identifier = "clinical"
  engine             = "aurora-mysql"
}
