module "app" {
  source  = "terraform-aws-modules/app/aws"
  version = "1.0.0"
  name    = "phi"
}

module "missing" {
  source = "git::https://example.com/missing.git"
}

resource "aws_s3_bucket" "logs" {
  bucket  = module.app.bucket_name
  unknown = module.missing.anything
}
