resource "aws_vpc" "phi" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

locals {
  tenancy = "dedicated"
}

resource "aws_vpc" "from_local" {
  cidr_block       = "10.1.0.0/16"
  instance_tenancy = local.tenancy
}
