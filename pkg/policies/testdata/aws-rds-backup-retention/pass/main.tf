resource "aws_db_instance" "week" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 7
}

resource "aws_rds_cluster" "month" {
  cluster_identifier      = "clinical"
  engine                  = "aurora-mysql"
  backup_retention_period = 35
}

# Back-ups of a replica are the source's.
resource "aws_db_instance" "replica" {
  instance_class      = "db.m6g.large"
  replicate_source_db = aws_db_instance.week.identifier
}

# Aurora instances are backed up by their cluster.
resource "aws_db_instance" "aurora_member" {
  engine         = "aurora-mysql"
  instance_class = "db.r6g.large"
}

# Restored without a retention: the retention is not known.
resource "aws_db_instance" "restored" {
  instance_class      = "db.m6g.large"
  snapshot_identifier = "nightly" # undetermined "aws-rds-backup-retention"
}
