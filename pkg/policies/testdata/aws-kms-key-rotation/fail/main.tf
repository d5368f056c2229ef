resource "aws_kms_key" "omitted" { # want "aws-kms-key-rotation"
  description = "PHI data keys"
}

resource "aws_kms_key" "off" {
  description              = "PHI data keys"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  key_usage                = "ENCRYPT_DECRYPT"
  enable_key_rotation      = false # want "aws-kms-key-rotation"
}
