terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

resource "aws_s3_bucket" "by_ref" {
  bucket = "acme-ver-ref"
}

resource "aws_s3_bucket_versioning" "by_ref" {
  bucket = aws_s3_bucket.by_ref.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "by_name" {
  bucket = "acme-ver-name"
}

resource "aws_s3_bucket_versioning" "by_name" {
  bucket = "acme-ver-name"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Disabled"
  }
}
