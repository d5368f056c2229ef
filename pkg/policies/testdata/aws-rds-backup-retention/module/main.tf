module "prod" {
  source    = "./modules/db"
  name      = "prod"
  retention = 14
}

module "dev" {
  source    = "./modules/db"
  name      = "dev"
  retention = 1
}
