module "primary" {
  source   = "./modules/db"
  name     = "primary"
  multi_az = true
}

module "scratch" {
  source   = "./modules/db"
  name     = "scratch"
  multi_az = false
}
