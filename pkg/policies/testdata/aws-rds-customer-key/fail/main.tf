resource "aws_db_instance" "aws_managed" { # want "aws-rds-customer-key"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
}

resource "aws_rds_cluster" "aws_managed" { # want "aws-rds-customer-key"
  cluster_identifier = "clinical"
  engine             = "aurora-mysql"
  storage_encrypted  = true
}

resource "aws_db_instance" "empty" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = "" # want "aws-rds-customer-key"
}
