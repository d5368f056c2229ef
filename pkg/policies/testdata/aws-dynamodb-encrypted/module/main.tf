# One module, two calls: only the call that turns encryption off is reported.
module "visits" {
  source  = "./modules/table"
  name    = "visits"
  encrypt = true
}

module "cache" {
  source  = "./modules/table"
  name    = "cache"
  encrypt = false
}
