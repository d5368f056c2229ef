# count and for_each over subnets of two VPCs: only the instances in the
# shared VPC are reported, once each.
resource "aws_vpc" "phi" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_vpc" "shared" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "phi" {
  count      = 2
  vpc_id     = aws_vpc.phi.id
  cidr_block = "10.0.${count.index}.0/24"
}

resource "aws_subnet" "shared" {
  for_each   = toset(["a", "b"])
  vpc_id     = aws_vpc.shared.id
  cidr_block = each.key == "a" ? "10.1.1.0/24" : "10.1.2.0/24"
}

resource "aws_instance" "phi" {
  count         = 2
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.phi[count.index].id
}

resource "aws_instance" "shared" { # want "aws-ec2-dedicated-tenancy" "aws-ec2-dedicated-tenancy"
  for_each      = toset(["a", "b"])
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.shared[each.key].id
}
