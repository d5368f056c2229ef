module "records" {
  source  = "./modules/bucket"
  name    = "acme-ver-records"
  status  = "Enabled"
}

module "scratch" {
  source  = "./modules/bucket"
  name    = "acme-ver-scratch"
  status  = "Suspended"
}
