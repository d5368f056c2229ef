variable "name" {
  type = string
}

variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_db_instance" "this" { # want "aws-rds-customer-key"
  identifier        = var.name
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = var.kms_key_id
}
