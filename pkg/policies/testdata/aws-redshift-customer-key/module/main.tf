resource "aws_kms_key" "redshift" {
  enable_key_rotation = true
}

module "with_key" {
  source     = "./modules/warehouse"
  name       = "with-key"
  kms_key_id = aws_kms_key.redshift.arn
}

module "without_key" {
  source = "./modules/warehouse"
  name   = "without-key"
}
