# fixture: hcl-only a real plan always has a value for var.target
variable "target" {
  type = string
}

# The configuration names a bucket only known at apply: it may be this one.
resource "aws_s3_bucket" "maybe" { # undetermined "aws-s3-encryption"
  bucket = "acme-maybe"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "somewhere" {
  bucket = var.target
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
