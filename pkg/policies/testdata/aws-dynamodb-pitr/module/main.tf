# One module, two calls: only the call without recovery is reported.
module "visits" {
  source = "./modules/table"
  name   = "visits"
  pitr   = true
}

module "cache" {
  source = "./modules/table"
  name   = "cache"
  pitr   = false
}
