module "clinical" {
  source = "./modules/cluster"
  name   = "clinical"
  engine = "aurora-mysql"
}

module "claims" {
  source = "./modules/cluster"
  name   = "claims"
  engine = "aurora-postgresql"
}
