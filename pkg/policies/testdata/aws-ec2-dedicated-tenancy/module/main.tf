# One module, two calls: the call into the shared VPC is reported at the
# module's instance, the call into the dedicated VPC is not.
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
  source    = "./modules/app"
  subnet_id = aws_subnet.phi.id
}

module "marketing" {
  source    = "./modules/app"
  subnet_id = aws_subnet.shared.id
}
