resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

resource "aws_kms_key" "k" {
