resource "aws_cloudtrail" "omitted" { # want "aws-cloudtrail-log-validation"
  name           = "omitted"
  s3_bucket_name = "acme-trail-logs"
}

resource "aws_cloudtrail" "explicit" {
  name           = "explicit"
  s3_bucket_name = "acme-trail-logs"
  enable_log_file_validation = false # want "aws-cloudtrail-log-validation"
}
