locals {
  keys = {
    billing   = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    analytics = ""
  }
}

resource "aws_db_instance" "db" {
  for_each          = local.keys
  identifier        = each.key
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = each.value # want "aws-rds-customer-key"
}
