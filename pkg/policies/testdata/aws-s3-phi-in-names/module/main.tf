module "store" {
  source = "./modules/store"
  name   = "exports-123-45-6789"
  owner  = "jane.doe@gmail.com"
}

module "clean" {
  source = "./modules/store"
  name   = "exports-clean"
  owner  = "platform-team"
}
