# The KMS key ARN is known only after apply. In HCL the switches are still
# readable; a plan renders the JSON only at apply (undetermined there).
resource "aws_kms_key" "emr" {
  enable_key_rotation = true
}

resource "aws_emr_security_configuration" "encrypted" {
  name = "encrypted"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = { EncryptionMode = "SSE-KMS", AwsKmsKey = aws_kms_key.emr.arn }
      }
    }
  })
}

resource "aws_emr_security_configuration" "at_rest_only" {
  name = "at-rest-only"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = false
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = { EncryptionMode = "SSE-KMS", AwsKmsKey = aws_kms_key.emr.arn }
      }
    }
  })
}

resource "aws_emr_cluster" "good" {
  name                   = "good"
  release_label          = "emr-7.2.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = aws_emr_security_configuration.encrypted.name # undetermined[plan] "aws-emr-encryption"
}

resource "aws_emr_cluster" "bad" {
  name                   = "bad"
  release_label          = "emr-7.2.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = aws_emr_security_configuration.at_rest_only.name # want[hcl] "aws-emr-encryption" undetermined[plan] "aws-emr-encryption"
}
