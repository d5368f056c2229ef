module "prod" {
  source    = "./modules/network"
  cidr      = "10.10.0.0/16"
  flow_logs = true
}

module "dev" {
  source    = "./modules/network"
  cidr      = "10.20.0.0/16"
  flow_logs = false
}
