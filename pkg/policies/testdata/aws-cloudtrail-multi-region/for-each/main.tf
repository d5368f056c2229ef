locals {
  trails = {
    primary   = true
    secondary = false
  }
}


resource "aws_cloudtrail" "t" {
  for_each       = local.trails
  name           = each.key
  s3_bucket_name = "acme-trail-logs"
  is_multi_region_trail = each.value ? true : false # want "aws-cloudtrail-multi-region"
}
