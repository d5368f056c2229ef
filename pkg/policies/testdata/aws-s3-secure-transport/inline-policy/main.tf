# Provider v3: the bucket's own policy argument.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.70"
    }
  }
}

resource "aws_s3_bucket" "tls" {
  bucket = "acme-inline-tls"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::acme-inline-tls/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket" "plain" {
  bucket = "acme-inline-plain"
  policy = jsonencode({ # want "aws-s3-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:DeleteBucket"
      Resource  = "arn:aws:s3:::acme-inline-plain"
    }]
  })
}
