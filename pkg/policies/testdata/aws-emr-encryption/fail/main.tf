resource "aws_emr_cluster" "no_security_configuration" { # want "aws-emr-encryption"
  name          = "plain"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"
}

# At rest only, as a heredoc, wired by reference.
resource "aws_emr_security_configuration" "at_rest_only" {
  name = "at-rest-only"

  configuration = <<EOT
{
  "EncryptionConfiguration": {
    "AtRestEncryptionConfiguration": {
      "S3EncryptionConfiguration": { "EncryptionMode": "SSE-S3" },
      "LocalDiskEncryptionConfiguration": {
        "EncryptionKeyProviderType": "AwsKms",
        "AwsKmsKey": "arn:aws:kms:us-east-1:123456789012:alias/emr"
      }
    },
    "EnableInTransitEncryption": false,
    "EnableAtRestEncryption": true
  }
}
EOT
}

resource "aws_emr_cluster" "at_rest_only" {
  name                   = "at-rest-only"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = aws_emr_security_configuration.at_rest_only.name # want "aws-emr-encryption"
}

# In transit only, with jsonencode, wired by literal name; at rest is absent.
resource "aws_emr_security_configuration" "transit_only" {
  name = "transit-only"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption = true
      InTransitEncryptionConfiguration = {
        TLSCertificateConfiguration = {
          CertificateProviderType = "PEM"
          S3Object                = "s3://certs/emr.zip"
        }
      }
    }
  })
}

resource "aws_emr_cluster" "transit_only" {
  name                   = "transit-only"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = "transit-only" # want "aws-emr-encryption"
}
