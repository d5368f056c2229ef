resource "aws_db_instance" "plain" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = false # want "aws-rds-storage-encrypted"
}

resource "aws_db_instance" "encrypted" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
}

resource "aws_db_instance" "replica_of_plain" {
  instance_class      = "db.m6g.large"
  replicate_source_db = aws_db_instance.plain.identifier # want "aws-rds-storage-encrypted"
}

resource "aws_db_instance" "replica_of_encrypted" {
  instance_class      = "db.m6g.large"
  replicate_source_db = aws_db_instance.encrypted.identifier
}

resource "aws_db_instance" "cross_region_replica" {
  instance_class      = "db.m6g.large"
  replicate_source_db = "arn:aws:rds:us-west-2:123456789012:db:source"
  kms_key_id          = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_db_instance" "restored" {
  instance_class      = "db.m6g.large"
  snapshot_identifier = "nightly-2026-11-01" # undetermined "aws-rds-storage-encrypted"
}
