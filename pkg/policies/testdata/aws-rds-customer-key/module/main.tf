module "with_key" {
  source     = "./modules/db"
  name       = "with-key"
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

module "without_key" {
  source = "./modules/db"
  name   = "without-key"
}
