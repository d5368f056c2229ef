module "secure" {
  source    = "./modules/warehouse"
  name      = "secure"
  encrypted = true
}

module "plain" {
  source    = "./modules/warehouse"
  name      = "plain"
  encrypted = false
}
