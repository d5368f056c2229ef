module "clinical" {
  source    = "./modules/db"
  encrypted = true
}

module "billing" {
  source    = "./modules/db"
  encrypted = false
}
