variable "name" {
  type = string
}

variable "on" {
  type = bool
}


resource "aws_cloudtrail" "this" {
  name           = var.name
  s3_bucket_name = "acme-trail-logs"
  is_multi_region_trail = var.on ? true : false # want "aws-cloudtrail-multi-region"
}
