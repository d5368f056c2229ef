# One module, two calls: only the call with encrypted = false is reported.
module "clinical" {
  source    = "./modules/disk"
  encrypted = true
}

module "scratch" {
  source    = "./modules/disk"
  encrypted = false
}
