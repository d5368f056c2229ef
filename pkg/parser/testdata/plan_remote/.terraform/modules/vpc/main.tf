variable "name" {
  type = string
}

variable "cidr" {
  type = string
}

variable "create_vpc" {
  type    = bool
  default = true
}

resource "aws_vpc" "this" {
  count = var.create_vpc ? 1 : 0

  cidr_block       = var.cidr
  instance_tenancy = "default"

  tags = { Name = var.name }
}
