locals {
  trails = {
    primary   = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    secondary = ""
  }
}

resource "aws_cloudtrail" "t" {
  for_each       = local.trails
  name           = each.key
  s3_bucket_name = "acme-trail-logs"
  kms_key_id     = each.value # want "aws-cloudtrail-encrypted"
}
