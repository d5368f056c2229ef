terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_kms_key" "s3" {
  description         = "bucket keys"
  enable_key_rotation = true
}

# Wired by reference, SSE-KMS with a customer key.
resource "aws_s3_bucket" "by_ref" {
  bucket = "acme-by-ref"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "by_ref" {
  bucket = aws_s3_bucket.by_ref.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}

# Wired by the same literal name, DSSE-KMS.
resource "aws_s3_bucket" "by_name" {
  bucket = "acme-by-name"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "by_name" {
  bucket = "acme-by-name"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms:dsse"
    }
  }
}

# Wired through the bucket attribute rather than the id.
resource "aws_s3_bucket" "by_bucket_attr" {
  bucket = "acme-by-bucket-attr"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "by_bucket_attr" {
  bucket = aws_s3_bucket.by_bucket_attr.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# The deprecated inline block is still accepted.
resource "aws_s3_bucket" "inline" {
  bucket = "acme-inline"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}
