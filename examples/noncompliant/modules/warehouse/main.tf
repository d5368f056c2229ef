variable "name" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "kms_key_arn" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_redshift_subnet_group" "this" {
  name       = "${var.name}-warehouse"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

# require_ssl off (aws-redshift-require-ssl).
resource "aws_redshift_parameter_group" "tls" {
  name   = "${var.name}-warehouse"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "false"
  }
}

# Unencrypted (aws-redshift-encrypted), so no customer key either
# (aws-redshift-customer-key).
resource "aws_redshift_cluster" "this" {
  cluster_identifier                  = "${var.name}-warehouse"
  node_type                           = "ra3.xlplus"
  number_of_nodes                     = 2
  database_name                       = "analytics"
  master_username                     = "warehouse_admin"
  manage_master_password              = true
  cluster_subnet_group_name           = aws_redshift_subnet_group.this.name
  cluster_parameter_group_name        = aws_redshift_parameter_group.tls.name
  encrypted                           = false
  automated_snapshot_retention_period = 7
  publicly_accessible                 = false
  tags                                = var.tags
}

# DynamoDB: keyed by the patient's e-mail address (aws-dynamodb-phi-in-keys),
# with an AWS-owned key whose use is not logged (aws-dynamodb-encrypted) and
# no point-in-time recovery (aws-dynamodb-pitr).
resource "aws_dynamodb_table" "events" {
  name         = "${var.name}-events"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "patient_email"
  range_key    = "sk"

  attribute {
    name = "patient_email"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  tags = var.tags
}
