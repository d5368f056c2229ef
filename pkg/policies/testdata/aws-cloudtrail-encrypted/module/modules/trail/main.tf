variable "name" {
  type = string
}

variable "key_arn" {
  type    = string
  default = null
}

# A null argument is an omitted one: the finding is on the resource header.
resource "aws_cloudtrail" "this" { # want "aws-cloudtrail-encrypted"
  name           = var.name
  s3_bucket_name = "acme-trail-logs"
  kms_key_id     = var.key_arn
}
