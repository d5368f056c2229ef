variable "name" {
  type = string
}

variable "log_to" {
  type = string
}

variable "log_enabled" {
  type = bool
}

resource "aws_s3_bucket" "this" { # want "aws-s3-access-logging"
  bucket = var.name
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.log_enabled ? 1 : 0
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.log_to
  target_prefix = "${var.name}/"
}
