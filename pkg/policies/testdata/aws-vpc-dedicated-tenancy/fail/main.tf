resource "aws_vpc" "omitted" { # want "aws-vpc-dedicated-tenancy"
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "explicit_default" {
  cidr_block       = "10.1.0.0/16"
  instance_tenancy = "default" # want "aws-vpc-dedicated-tenancy"
}
