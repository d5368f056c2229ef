# One module, two calls: only the call that leaves require_secure_transport off
# is reported, at the line in the module.
module "clinical" {
  source           = "./modules/db"
  name             = "clinical"
  secure_transport = "1"
}

module "reporting" {
  source           = "./modules/db"
  name             = "reporting"
  secure_transport = "0"
}
