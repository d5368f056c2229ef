resource "aws_kms_key" "k" {
  description = "phi"
}

module "vpc" {
  source = "./modules/vpc"
}

module "a" {
  source      = "./modules/db"
  encrypted   = true
  kms_key_arn = aws_kms_key.k.arn
  subnet_id   = module.vpc.private_subnet_id
}

module "b" {
  source    = "./modules/db"
  encrypted = false
}

module "each" {
  source   = "./modules/db"
  for_each = toset(["x", "y"])
  encrypted = each.key == "x"
}

locals {
  subnet = aws_subnet.local.id
}

resource "aws_subnet" "local" {
  cidr_block = "10.1.0.0/24"
}

resource "aws_instance" "web" {
  subnet_id     = local.subnet
  vpc_subnet_id = module.vpc.private_subnet_id
}
