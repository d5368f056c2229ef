# Groups followed by reference and by literal name, in both directions of
# success and failure.
resource "aws_db_parameter_group" "mysql_off" {
  name   = "mysql-off"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "0"
  }
}

resource "aws_db_instance" "by_reference_off" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.mysql_off.name # want "aws-rds-transport-encryption"
}

resource "aws_db_parameter_group" "mysql_on" {
  name   = "mysql-on"
  family = "mysql8.0"

  parameter {
    name  = "REQUIRE_SECURE_TRANSPORT"
    value = "ON"
  }
}

resource "aws_db_instance" "by_name_on" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = "mysql-on"
}

# A group that does not set the parameter inherits its family's default.
resource "aws_db_parameter_group" "mysql_unset" {
  name   = "mysql-unset"
  family = "mysql8.0"

  parameter {
    name  = "max_connections"
    value = "500"
  }
}

resource "aws_db_instance" "by_name_unset" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = "MYSQL-UNSET" # want "aws-rds-transport-encryption"
}

resource "aws_db_parameter_group" "pg14" {
  name   = "pg14"
  family = "postgres14"
}

resource "aws_db_parameter_group" "pg15" {
  name   = "pg15"
  family = "postgres15"
}

resource "aws_db_instance" "postgres_pg14" {
  engine               = "postgres"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.pg14.id # want "aws-rds-transport-encryption"
}

resource "aws_db_instance" "postgres_pg15" {
  engine               = "postgres"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.pg15.id
}

resource "aws_db_parameter_group" "sqlserver_tls" {
  name   = "sqlserver-tls"
  family = "sqlserver-se-15.0"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "sqlserver" {
  engine               = "sqlserver-se"
  instance_class       = "db.m6i.xlarge"
  license_model        = "license-included"
  parameter_group_name = aws_db_parameter_group.sqlserver_tls.name
}

# A name no resource of the configuration has: managed elsewhere, unknown.
resource "aws_db_instance" "shared_group" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = "shared-mysql-params" # undetermined "aws-rds-transport-encryption"
}

resource "aws_rds_cluster_parameter_group" "aurora_tls" {
  name   = "aurora-tls"
  family = "aurora-mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

resource "aws_rds_cluster_parameter_group" "aurora_plain" {
  name   = "aurora-plain"
  family = "aurora-mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "OFF"
  }
}

resource "aws_rds_cluster" "tls" {
  cluster_identifier              = "tls"
  engine                          = "aurora-mysql"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.aurora_tls.name
}

resource "aws_rds_cluster" "plain" {
  cluster_identifier              = "plain"
  engine                          = "aurora-mysql"
  db_cluster_parameter_group_name = "aurora-plain" # want "aws-rds-transport-encryption"
}
