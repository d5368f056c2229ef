# rds.force_ssl defaults to 1 from PostgreSQL 15.
resource "aws_db_instance" "postgres16" {
  engine         = "postgres"
  engine_version = "16.3"
  instance_class = "db.m6g.large"
}

# Without engine_version RDS creates its current default version (15 or later).
resource "aws_db_instance" "postgres_latest" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
}

# MariaDB 11.8 turns require_secure_transport ON by default.
resource "aws_db_instance" "mariadb118" {
  engine         = "mariadb"
  engine_version = "11.8.2"
  instance_class = "db.m6g.large"
}

resource "aws_db_parameter_group" "mysql_tls" {
  name   = "mysql-tls"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_db_instance" "mysql" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.mysql_tls.name
}

resource "aws_rds_cluster_parameter_group" "pg_tls" {
  name   = "aurora-pg-tls"
  family = "aurora-postgresql16"

  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }
}

resource "aws_rds_cluster" "aurora_postgresql" {
  cluster_identifier              = "claims"
  engine                          = "aurora-postgresql"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.pg_tls.name
}

# An Aurora instance uses its cluster's parameter group: checked on the cluster.
resource "aws_db_instance" "aurora_member" {
  engine         = "aurora-postgresql"
  instance_class = "db.r6g.large"
}

# Engines this rule has no check for.
resource "aws_db_instance" "db2" {
  engine         = "db2-se"
  instance_class = "db.m6i.large"
}
