variable "name" {
  type = string
}

variable "on" {
  type = bool
}


resource "aws_cloudtrail" "this" {
  name           = var.name
  s3_bucket_name = "acme-trail-logs"
  enable_log_file_validation = var.on ? true : false # want "aws-cloudtrail-log-validation"
}
