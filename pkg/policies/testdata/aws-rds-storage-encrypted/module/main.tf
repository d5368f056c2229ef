# One module, two calls: only the call that passes encrypted = false is reported,
# at the line in the module, with the module address.
module "clinical" {
  source    = "./modules/db"
  name      = "clinical"
  encrypted = true
}

module "reporting" {
  source    = "./modules/db"
  name      = "reporting"
  encrypted = false
}
