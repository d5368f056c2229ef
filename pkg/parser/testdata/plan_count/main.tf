resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "acme-${count.index}"
}

resource "aws_s3_bucket_versioning" "b" {
  count  = 2
  bucket = aws_s3_bucket.b[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "b" {
  for_each      = toset(["x"])
  bucket        = aws_s3_bucket.b[0].id
  target_bucket = aws_s3_bucket.b[1].bucket
}
