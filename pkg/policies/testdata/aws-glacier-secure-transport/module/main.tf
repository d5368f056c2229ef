module "kept" {
  source   = "./modules/vault"
  name     = "archive-kept"
  tls_only = true
}

module "loose" {
  source   = "./modules/vault"
  name     = "archive-loose"
  tls_only = false
}
