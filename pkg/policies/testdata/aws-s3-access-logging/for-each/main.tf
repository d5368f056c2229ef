locals {
  logged = {
    intake  = true
    exports = false
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-fe-logs"
}

resource "aws_s3_bucket" "b" { # want "aws-s3-access-logging"
  for_each = local.logged
  bucket   = "acme-fe-${each.key}"
}

resource "aws_s3_bucket_logging" "b" {
  for_each      = { for k, v in local.logged : k => v if v }
  bucket        = aws_s3_bucket.b[each.key].id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "${each.key}/"
}
