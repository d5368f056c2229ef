resource "aws_db_instance" "source" { # want "aws-rds-customer-key"
  identifier        = "source"
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
}

# A same-region replica uses its source's key: reported once, on the source.
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  instance_class      = "db.m6g.large"
  replicate_source_db = aws_db_instance.source.identifier
}

resource "aws_db_instance" "replica_by_name" {
  identifier          = "replica-by-name"
  instance_class      = "db.m6g.large"
  replicate_source_db = "source"
}

resource "aws_db_instance" "outside_source" {
  identifier          = "outside"
  instance_class      = "db.m6g.large"
  replicate_source_db = "arn:aws:rds:us-west-2:123456789012:db:elsewhere" # undetermined "aws-rds-customer-key"
}

resource "aws_db_instance" "restored" {
  identifier          = "restored"
  instance_class      = "db.m6g.large"
  snapshot_identifier = "nightly" # undetermined "aws-rds-customer-key"
}

resource "aws_rds_cluster" "restored" {
  cluster_identifier  = "restored"
  engine              = "aurora-mysql"
  snapshot_identifier = "nightly" # undetermined "aws-rds-customer-key"
}
