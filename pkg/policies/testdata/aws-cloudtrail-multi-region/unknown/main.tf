# fixture: hcl-only a real plan always has a value for var.setting
variable "setting" {
  type = bool
}

resource "aws_cloudtrail" "t" {
  name           = "unknown"
  s3_bucket_name = "acme-trail-logs"
  is_multi_region_trail = var.setting # undetermined "aws-cloudtrail-multi-region"
}
