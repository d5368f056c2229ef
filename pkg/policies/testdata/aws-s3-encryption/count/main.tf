# Three buckets by count, two configurations by count: bucket [2] has none.
resource "aws_s3_bucket" "b" { # want "aws-s3-encryption"
  count  = 3
  bucket = "acme-count-${count.index}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  count  = 2
  bucket = aws_s3_bucket.b[count.index].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
