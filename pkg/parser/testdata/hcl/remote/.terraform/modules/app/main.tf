variable "name" {}

resource "aws_s3_bucket" "this" {
  bucket = "${var.name}-bucket"
}

module "db" {
  source = "terraform-aws-modules/db/aws"
}

output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}
