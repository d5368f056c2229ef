# One module, two calls: only the call without a key is reported.
resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

module "clinical" {
  source     = "./modules/disk"
  kms_key_id = aws_kms_key.ebs.arn
}

module "scratch" {
  source = "./modules/disk"
}
