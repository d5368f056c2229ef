# fixture: hcl-only a real plan always has a value for var.algorithm
variable "algorithm" {
  type = string
}

resource "aws_s3_bucket" "b" { # undetermined "aws-s3-encryption"
  bucket = "acme-unknown-alg"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = aws_s3_bucket.b.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}
