resource "aws_cloudtrail" "omitted" { # want "aws-cloudtrail-multi-region"
  name           = "omitted"
  s3_bucket_name = "acme-trail-logs"
}

resource "aws_cloudtrail" "explicit" {
  name           = "explicit"
  s3_bucket_name = "acme-trail-logs"
  is_multi_region_trail = false # want "aws-cloudtrail-multi-region"
}
