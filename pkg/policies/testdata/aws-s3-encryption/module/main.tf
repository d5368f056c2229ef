# One module, two calls: only the call without encryption is reported, at the
# bucket in the module.
module "records" {
  source  = "./modules/bucket"
  name    = "acme-records"
  encrypt = true
}

module "scratch" {
  source  = "./modules/bucket"
  name    = "acme-scratch"
  encrypt = false
}
