variable "name" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "kms_key_arn" {
  type = string
}

variable "backup_retention_days" {
  type = number
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

# RDS for MySQL: TLS switched off in the parameter group
# (aws-rds-transport-encryption), storage unencrypted and without a customer
# key (aws-rds-storage-encrypted, aws-rds-customer-key) and a single
# Availability Zone (aws-rds-multi-az).
resource "aws_db_parameter_group" "mysql" {
  name   = "${var.name}-mysql80"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "0"
  }
}

resource "aws_db_instance" "mysql" {
  identifier                  = "${var.name}-mysql"
  engine                      = "mysql"
  engine_version              = "8.0.39"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  db_subnet_group_name        = aws_db_subnet_group.this.name
  parameter_group_name        = aws_db_parameter_group.mysql.name
  storage_encrypted           = false
  multi_az                    = false
  backup_retention_period     = var.backup_retention_days
  username                    = "app_admin"
  manage_master_user_password = true
  tags                        = var.tags
}

# RDS for PostgreSQL 14 on the default parameter group, where rds.force_ssl is
# 0 (aws-rds-transport-encryption); encrypted, but with the AWS-managed key
# (aws-rds-customer-key).
resource "aws_db_instance" "postgres" {
  identifier                  = "${var.name}-postgres"
  engine                      = "postgres"
  engine_version              = "14.12"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  db_subnet_group_name        = aws_db_subnet_group.this.name
  storage_encrypted           = true
  multi_az                    = true
  backup_retention_period     = var.backup_retention_days
  username                    = "app_admin"
  manage_master_user_password = true
  tags                        = var.tags
}

# Aurora, PostgreSQL-compatible edition: outside the whitepaper's BAA
# (aws-aurora-mysql-only), on the default cluster parameter group, where
# rds.force_ssl is 0 (aws-rds-transport-encryption), with one day of back-ups
# (aws-rds-backup-retention).
resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "${var.name}-aurora"
  engine                      = "aurora-postgresql"
  engine_version              = "16.4"
  db_subnet_group_name        = aws_db_subnet_group.this.name
  storage_encrypted           = true
  kms_key_id                  = var.kms_key_arn
  backup_retention_period     = 1
  master_username             = "app_admin"
  manage_master_user_password = true
  tags                        = var.tags
}

resource "aws_rds_cluster_instance" "aurora" {
  count              = 2
  identifier         = "${var.name}-aurora-${count.index}"
  cluster_identifier = aws_rds_cluster.aurora.id
  engine             = aws_rds_cluster.aurora.engine
  instance_class     = "db.r6g.large"
}

# Oracle: native network encryption only REQUESTED, so a client that declines
# still connects in plain text (aws-rds-transport-encryption).
resource "aws_db_option_group" "oracle" {
  name                 = "${var.name}-oracle-ee-19"
  engine_name          = "oracle-ee"
  major_engine_version = "19"

  option {
    option_name = "NATIVE_NETWORK_ENCRYPTION"

    option_settings {
      name  = "SQLNET.ENCRYPTION_SERVER"
      value = "REQUESTED"
    }

    option_settings {
      name  = "SQLNET.ENCRYPTION_TYPES_SERVER"
      value = "AES256"
    }
  }
}

resource "aws_db_instance" "oracle" {
  identifier                  = "${var.name}-oracle"
  engine                      = "oracle-ee"
  engine_version              = "19"
  license_model               = "bring-your-own-license"
  instance_class              = "db.m6i.large"
  allocated_storage           = 200
  db_subnet_group_name        = aws_db_subnet_group.this.name
  option_group_name           = aws_db_option_group.oracle.name
  storage_encrypted           = true
  kms_key_id                  = var.kms_key_arn
  multi_az                    = true
  backup_retention_period     = var.backup_retention_days
  username                    = "app_admin"
  manage_master_user_password = true
  tags                        = var.tags
}
