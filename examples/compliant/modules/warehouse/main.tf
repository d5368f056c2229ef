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

resource "aws_redshift_parameter_group" "tls" {
  name   = "${var.name}-warehouse-tls"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

resource "aws_redshift_cluster" "this" {
  cluster_identifier                  = "${var.name}-warehouse"
  node_type                           = "ra3.xlplus"
  number_of_nodes                     = 2
  database_name                       = "analytics"
  master_username                     = "warehouse_admin"
  manage_master_password              = true
  cluster_subnet_group_name           = aws_redshift_subnet_group.this.name
  cluster_parameter_group_name        = aws_redshift_parameter_group.tls.name
  encrypted                           = true
  kms_key_id                          = var.kms_key_arn
  automated_snapshot_retention_period = 7
  publicly_accessible                 = false
  tags                                = var.tags
}

# DynamoDB: customer-key encryption, point-in-time recovery, opaque keys.
resource "aws_dynamodb_table" "events" {
  name         = "${var.name}-events"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = var.tags
}
