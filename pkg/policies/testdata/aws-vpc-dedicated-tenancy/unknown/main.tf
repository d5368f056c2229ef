# fixture: hcl-only a real plan always has a value for var.tenancy

variable "tenancy" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = var.tenancy # undetermined "aws-vpc-dedicated-tenancy"
}
