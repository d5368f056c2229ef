# No policy at all.
resource "aws_s3_bucket" "open" { # want "aws-s3-secure-transport"
  bucket = "acme-open"
}

# A policy that only allows: plain HTTP is still accepted.
resource "aws_s3_bucket" "allow_only" {
  bucket = "acme-allow-only"
}

resource "aws_s3_bucket_policy" "allow_only" {
  bucket = aws_s3_bucket.allow_only.id
  policy = jsonencode({ # want "aws-s3-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReadForAuditors"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/auditor" }
      Action    = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::acme-allow-only/*"
    }]
  })
}

# Denies on the wrong value: this refuses TLS requests, not plain ones.
resource "aws_s3_bucket" "backwards" {
  bucket = "acme-backwards"
}

resource "aws_s3_bucket_policy" "backwards" {
  bucket = "acme-backwards"
  policy = jsonencode({ # want "aws-s3-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-backwards", "arn:aws:s3:::acme-backwards/*"]
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}
