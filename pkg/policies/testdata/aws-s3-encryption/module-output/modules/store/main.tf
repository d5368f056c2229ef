resource "aws_s3_bucket" "this" {
  bucket = "acme-module-store"
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
