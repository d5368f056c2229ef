resource "aws_db_instance" "source" { # want "aws-rds-transport-encryption"
  identifier     = "source"
  engine         = "mysql"
  instance_class = "db.m6g.large"
}

# A same-region replica with no group takes its source's: checked on the source.
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  instance_class      = "db.m6g.large"
  replicate_source_db = aws_db_instance.source.identifier
}

resource "aws_db_parameter_group" "replica_tls" {
  name   = "replica-tls"
  family = "postgres14"
}

resource "aws_db_instance" "pg_source" {
  identifier     = "pg-source"
  engine         = "postgres"
  engine_version = "14.12"
  instance_class = "db.m6g.large"
  parameter_group_name = "default.postgres14" # want "aws-rds-transport-encryption"
}

# The replica takes engine and version from its source, and names its own group.
resource "aws_db_instance" "pg_replica" {
  identifier           = "pg-replica"
  instance_class       = "db.m6g.large"
  replicate_source_db  = aws_db_instance.pg_source.identifier
  parameter_group_name = aws_db_parameter_group.replica_tls.name # want "aws-rds-transport-encryption"
}

resource "aws_db_instance" "cross_region" {
  identifier          = "cross-region"
  instance_class      = "db.m6g.large"
  replicate_source_db = "arn:aws:rds:us-west-2:123456789012:db:elsewhere" # undetermined "aws-rds-transport-encryption"
}

resource "aws_db_instance" "same_region_outside" {
  identifier          = "same-region-outside"
  engine              = "mysql"
  instance_class      = "db.m6g.large"
  replicate_source_db = "managed-elsewhere" # undetermined "aws-rds-transport-encryption"
}

# A cross-region replica of a source in this configuration gets the default group.
resource "aws_db_instance" "cross_region_of_source" { # want "aws-rds-transport-encryption"
  identifier          = "cross-region-of-source"
  instance_class      = "db.m6g.large"
  replicate_source_db = "arn:aws:rds:us-west-2:123456789012:db:source"
}
