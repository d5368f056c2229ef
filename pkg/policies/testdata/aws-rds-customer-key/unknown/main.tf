# fixture: hcl-only a real plan always has a value for var.key

variable "key" {
  type = string
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = var.key # undetermined "aws-rds-customer-key"
}
