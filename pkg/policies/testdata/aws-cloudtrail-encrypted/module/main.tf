# Two calls of one module: only the one without a key is reported.
module "org" {
  source  = "./modules/trail"
  name    = "org"
  key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

module "sandbox" {
  source  = "./modules/trail"
  name    = "sandbox"
  key_arn = null
}
