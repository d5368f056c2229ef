# fixture: hcl-only a real plan always has a value for var.status
variable "status" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket = "acme-ver-status"
}

resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = var.status # undetermined "aws-s3-versioning"
  }
}
