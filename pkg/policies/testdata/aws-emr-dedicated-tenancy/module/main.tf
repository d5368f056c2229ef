# One module, two calls: only the call into the shared VPC is reported.
resource "aws_vpc" "phi" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_subnet" "phi" {
  vpc_id     = aws_vpc.phi.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_vpc" "shared" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.1.1.0/24"
}

module "clinical" {
  source    = "./modules/emr"
  name      = "clinical"
  subnet_id = aws_subnet.phi.id
}

module "marketing" {
  source    = "./modules/emr"
  name      = "marketing"
  subnet_id = aws_subnet.shared.id
}
