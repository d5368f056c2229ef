# Instances on shared hardware: the VPC has default tenancy and nothing asks
# for dedicated hardware.
resource "aws_vpc" "shared" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "omitted" { # want "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.shared.id
}

resource "aws_instance" "explicit_default" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.shared.id
  tenancy       = "default" # want "aws-ec2-dedicated-tenancy"
}

# No subnet at all: the default VPC.
resource "aws_spot_instance_request" "no_subnet" { # want "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  spot_price    = "0.05"
}

resource "aws_default_vpc" "default" {}

resource "aws_default_subnet" "a" {
  availability_zone = "us-east-1a"
}

resource "aws_instance" "default_subnet" { # want "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_default_subnet.a.id
}

# The same VPC, but these ask for single-tenant hardware themselves.
resource "aws_instance" "dedicated" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.shared.id
  tenancy       = "dedicated"
}

resource "aws_instance" "on_host" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.shared.id
  host_id       = "h-0123456789abcdef0"
}

# A network interface in the shared subnet.
resource "aws_network_interface" "eni" {
  subnet_id = aws_subnet.shared.id
}

resource "aws_instance" "via_eni" { # want "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  primary_network_interface {
    network_interface_id = aws_network_interface.eni.id
  }
}
