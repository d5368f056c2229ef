# One module, two calls: only the call that turns rotation off is reported.
module "clinical" {
  source = "./modules/key"
  rotate = true
}

module "legacy" {
  source = "./modules/key"
  rotate = false
}
