resource "aws_kms_key" "rotated" {
  description         = "PHI data keys"
  enable_key_rotation = true
}

resource "aws_kms_key" "custom_period" {
  description             = "PHI data keys"
  enable_key_rotation     = true
  rotation_period_in_days = 90
}

# Keys KMS cannot rotate are not checked.
resource "aws_kms_key" "signing" {
  description              = "Document signing"
  customer_master_key_spec = "RSA_3072"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "hmac" {
  description              = "Token MACs"
  customer_master_key_spec = "HMAC_384"
  key_usage                = "GENERATE_VERIFY_MAC"
}

resource "aws_kms_key" "cloudhsm" {
  description         = "Key in a CloudHSM key store"
  custom_key_store_id = "cks-1234567890abcdef0"
}
