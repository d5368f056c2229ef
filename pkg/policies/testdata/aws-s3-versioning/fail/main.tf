# No versioning at all.
resource "aws_s3_bucket" "none" { # want "aws-s3-versioning"
  bucket = "acme-none"
}

# Split resource, suspended.
resource "aws_s3_bucket" "suspended" {
  bucket = "acme-suspended"
}

resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id
  versioning_configuration {
    status = "Suspended" # want "aws-s3-versioning"
  }
}

# Split resource by literal name, disabled.
resource "aws_s3_bucket" "disabled" {
  bucket = "acme-disabled"
}

resource "aws_s3_bucket_versioning" "disabled" {
  bucket = "acme-disabled"
  versioning_configuration {
    status = "Disabled" # want "aws-s3-versioning"
  }
}
