variable "name" {
  type = string
}

variable "encrypt" {
  type = bool
}

resource "aws_s3_bucket" "this" { # want "aws-s3-encryption"
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.encrypt ? 1 : 0
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
