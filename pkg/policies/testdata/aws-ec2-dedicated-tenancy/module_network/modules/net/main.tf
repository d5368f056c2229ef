variable "cidr" {
  type = string
}

variable "tenancy" {
  type = string
}

resource "aws_vpc" "this" {
  cidr_block       = var.cidr
  instance_tenancy = var.tenancy
}

resource "aws_subnet" "this" {
  count      = 2
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet(var.cidr, 8, count.index)
}

output "subnet_ids" {
  value = aws_subnet.this[*].id
}
