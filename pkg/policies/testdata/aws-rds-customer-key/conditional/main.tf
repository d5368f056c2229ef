# fixture: hcl-only a plan shows the computed key of `x ? ref : null` as unknown, with references
variable "create_key" {
  type    = bool
  default = false
}

resource "aws_kms_key" "rds" {
  count               = var.create_key ? 1 : 0
  enable_key_rotation = true
}

locals {
  has_key = length(aws_kms_key.rds) > 0
}

# The expression refers to the key resource, but evaluates to null: no key.
resource "aws_db_instance" "main" { # want "aws-rds-customer-key"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = local.has_key ? "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" : null
}
