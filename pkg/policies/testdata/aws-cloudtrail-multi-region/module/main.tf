# Two calls of one module: only the one that turns the setting off is reported.
module "org" {
  source = "./modules/trail"
  name   = "org"
  on     = true
}

module "sandbox" {
  source = "./modules/trail"
  name   = "sandbox"
  on     = false
}
