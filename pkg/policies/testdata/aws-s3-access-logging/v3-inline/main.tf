# Provider v3 (locked): inline logging blocks. The target of an inline block is exempt.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-v3-logs"
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "phi" {
  bucket = "acme-v3-phi"
  logging {
    target_bucket = aws_s3_bucket.logs.id
    target_prefix = "phi/"
  }
}

resource "aws_s3_bucket" "bare" { # want "aws-s3-access-logging"
  bucket = "acme-v3-bare"
}
