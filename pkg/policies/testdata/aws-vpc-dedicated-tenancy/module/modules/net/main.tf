variable "cidr" {
  type = string
}

variable "tenancy" {
  type    = string
  default = "dedicated"
}

resource "aws_vpc" "this" {
  cidr_block       = var.cidr
  instance_tenancy = var.tenancy # want "aws-vpc-dedicated-tenancy"
}
