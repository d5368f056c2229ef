resource "aws_cloudtrail" "omitted" { # want "aws-cloudtrail-encrypted"
  name           = "omitted"
  s3_bucket_name = "acme-trail-logs"
}

resource "aws_cloudtrail" "explicit" {
  name           = "explicit"
  s3_bucket_name = "acme-trail-logs"
  kms_key_id = "" # want "aws-cloudtrail-encrypted"
}
