resource "aws_kms_key" "trail" {
  description         = "trail logs"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "acme-trail-logs"
  include_global_service_events = true
  kms_key_id = aws_kms_key.trail.arn
}
