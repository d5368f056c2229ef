
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "acme-trail-logs"
  include_global_service_events = true
  is_multi_region_trail = true
}
