# fixture: hcl-only a real plan always has a value for var.setting
variable "setting" {
  type = bool
}

resource "aws_cloudtrail" "t" {
  name           = "unknown"
  s3_bucket_name = "acme-trail-logs"
  enable_log_file_validation = var.setting # undetermined "aws-cloudtrail-log-validation"
}
