# One module, two calls: only the call that passes "default" is reported.
module "clinical" {
  source  = "./modules/net"
  cidr    = "10.0.0.0/16"
  tenancy = "dedicated"
}

module "marketing" {
  source  = "./modules/net"
  cidr    = "10.1.0.0/16"
  tenancy = "default"
}
