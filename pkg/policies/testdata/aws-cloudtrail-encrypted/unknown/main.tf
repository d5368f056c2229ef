# fixture: hcl-only a real plan always has a value for var.setting
variable "setting" {
  type = string
}

resource "aws_cloudtrail" "t" {
  name           = "unknown"
  s3_bucket_name = "acme-trail-logs"
  kms_key_id = var.setting # undetermined "aws-cloudtrail-encrypted"
}
