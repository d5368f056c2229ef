variable "envs" {
  default = ["dev", "test", "prod"]
}

resource "aws_vpc" "per_env" { # want "aws-vpc-dedicated-tenancy" "aws-vpc-dedicated-tenancy" "aws-vpc-dedicated-tenancy"
  count      = length(var.envs)
  cidr_block = "10.${count.index}.0.0/16"
}

resource "aws_vpc" "by_name" { # want "aws-vpc-dedicated-tenancy" "aws-vpc-dedicated-tenancy"
  for_each   = toset(["a", "b"])
  cidr_block = each.key == "a" ? "10.10.0.0/16" : "10.11.0.0/16"
}

resource "aws_vpc" "dedicated" {
  count            = 2
  cidr_block       = "10.2${count.index}.0.0/16"
  instance_tenancy = "dedicated"
}
