resource "aws_s3_bucket" "logs" {
  bucket = "acme-mod-logs"
}

module "records" {
  source      = "./modules/bucket"
  name        = "acme-mod-records"
  log_to      = aws_s3_bucket.logs.id
  log_enabled = true
}

module "scratch" {
  source      = "./modules/bucket"
  name        = "acme-mod-scratch"
  log_to      = aws_s3_bucket.logs.id
  log_enabled = false
}
