# fixture: hcl-only a real plan always has a value for var.target
variable "target" {
  type = string
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-unk-logs"
}

resource "aws_s3_bucket" "maybe" { # undetermined "aws-s3-access-logging"
  bucket = "acme-unk-maybe"
}

resource "aws_s3_bucket_logging" "somewhere" {
  bucket        = var.target
  target_bucket = aws_s3_bucket.logs.id
}
