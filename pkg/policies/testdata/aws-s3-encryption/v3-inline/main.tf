# Provider v3 (locked): only the inline block exists.
resource "aws_s3_bucket" "inline" {
  bucket = "acme-v3-inline"
  acl    = "private"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}

resource "aws_s3_bucket" "bare" { # want "aws-s3-encryption"
  bucket = "acme-v3-bare"
  acl    = "private"
}
