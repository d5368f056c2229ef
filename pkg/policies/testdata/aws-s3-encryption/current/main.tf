# fixture: profile=current
# S3 encrypts new objects with SSE-S3 by default since January 2023: a bucket
# without a configuration passes in the current profile.
resource "aws_s3_bucket" "defaulted" {
  bucket = "acme-defaulted"
}

resource "aws_s3_bucket" "explicit" {
  bucket = "acme-explicit"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "explicit" {
  bucket = aws_s3_bucket.explicit.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
