# Engines whose default parameter group leaves plain-text connections open.
resource "aws_db_instance" "mysql_default" { # want "aws-rds-transport-encryption"
  engine         = "mysql"
  engine_version = "8.0"
  instance_class = "db.m6g.large"
}

resource "aws_db_instance" "mysql_named_default" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = "default.mysql8.0" # want "aws-rds-transport-encryption"
}

# rds.force_ssl defaults to 0 before PostgreSQL 15.
resource "aws_db_instance" "postgres14" { # want "aws-rds-transport-encryption"
  engine         = "postgres"
  engine_version = "14.12"
  instance_class = "db.m6g.large"
}

resource "aws_db_instance" "postgres_named_default14" {
  engine               = "postgres"
  instance_class       = "db.m6g.large"
  parameter_group_name = "default.postgres14" # want "aws-rds-transport-encryption"
}

# require_secure_transport defaults to OFF before MariaDB 11.8.
resource "aws_db_instance" "mariadb" { # want "aws-rds-transport-encryption"
  engine         = "mariadb"
  engine_version = "10.11.8"
  instance_class = "db.m6g.large"
}

resource "aws_db_instance" "sqlserver" { # want "aws-rds-transport-encryption"
  engine         = "sqlserver-se"
  instance_class = "db.m6i.xlarge"
  license_model  = "license-included"
}

resource "aws_rds_cluster" "aurora_mysql" { # want "aws-rds-transport-encryption"
  cluster_identifier = "clinical"
  engine             = "aurora-mysql"
}

# Aurora PostgreSQL: rds.force_ssl defaults to 0 on every version.
resource "aws_rds_cluster" "aurora_postgresql" { # want "aws-rds-transport-encryption"
  cluster_identifier = "claims"
  engine             = "aurora-postgresql"
  engine_version     = "16.4"
}

# An omitted cluster engine is aurora (MySQL 5.6-compatible).
resource "aws_rds_cluster" "legacy" { # want "aws-rds-transport-encryption"
  cluster_identifier = "legacy"
}
