module "logged" {
  source      = "./modules/lb"
  name        = "logged"
  log_enabled = true
}

module "unlogged" {
  source      = "./modules/lb"
  name        = "unlogged"
  log_enabled = false
}
