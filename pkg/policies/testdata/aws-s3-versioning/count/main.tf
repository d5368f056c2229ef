# Two buckets by count, one versioning resource for [0]: bucket [1] has none.
resource "aws_s3_bucket" "b" { # want "aws-s3-versioning"
  count  = 2
  bucket = "acme-ver-${count.index}"
}

resource "aws_s3_bucket_versioning" "b0" {
  bucket = aws_s3_bucket.b[0].id
  versioning_configuration {
    status = "Enabled"
  }
}
