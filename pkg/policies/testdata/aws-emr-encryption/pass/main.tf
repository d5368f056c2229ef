resource "aws_emr_security_configuration" "phi" {
  name = "phi"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = {
          EncryptionMode = "SSE-KMS"
          AwsKmsKey      = "arn:aws:kms:us-east-1:123456789012:alias/emr"
        }
        LocalDiskEncryptionConfiguration = {
          EncryptionKeyProviderType = "AwsKms"
          AwsKmsKey                 = "arn:aws:kms:us-east-1:123456789012:alias/emr"
        }
      }
      InTransitEncryptionConfiguration = {
        TLSCertificateConfiguration = {
          CertificateProviderType = "PEM"
          S3Object                = "s3://certs/emr.zip"
        }
      }
    }
  })
}

resource "aws_emr_cluster" "by_ref" {
  name                   = "by-ref"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = aws_emr_security_configuration.phi.name
}

resource "aws_emr_cluster" "by_name" {
  name                   = "by-name"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = "phi"
}
