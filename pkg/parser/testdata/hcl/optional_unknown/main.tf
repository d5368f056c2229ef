resource "aws_s3_bucket" "logs" {
  bucket_prefix = "logs-"
}

module "nlb" {
  source = "./small"
  # The bucket name is known only after apply; enabled must still default to true.
  access_logs = { bucket = aws_s3_bucket.logs.id }
}
