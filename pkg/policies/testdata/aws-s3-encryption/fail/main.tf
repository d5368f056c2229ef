# A bucket with no default encryption fails in the whitepaper profile; its
# neighbour, configured by a split resource, passes.
resource "aws_s3_bucket" "plain" { # want "aws-s3-encryption"
  bucket = "acme-plain"
}

resource "aws_s3_bucket" "covered" {
  bucket = "acme-covered"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "covered" {
  bucket = aws_s3_bucket.covered.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# A configuration for a bucket that is not in this module does not cover "plain".
resource "aws_s3_bucket_server_side_encryption_configuration" "elsewhere" {
  bucket = "acme-somewhere-else"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
