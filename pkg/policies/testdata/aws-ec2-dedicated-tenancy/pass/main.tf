# Every instance ends up on dedicated hardware, each a different way.
resource "aws_vpc" "phi" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_subnet" "phi" {
  vpc_id     = aws_vpc.phi.id
  cidr_block = "10.0.1.0/24"
}

# The VPC's dedicated tenancy wins over the instance's "default".
resource "aws_instance" "in_dedicated_vpc" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.phi.id
  tenancy       = "default"
}

resource "aws_spot_instance_request" "in_dedicated_vpc" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.phi.id
}

resource "aws_instance" "host_tenancy" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  tenancy       = "host"
}

resource "aws_instance" "host_group" {
  ami                     = "ami-0abcdef1234567890"
  instance_type           = "m5.large"
  host_resource_group_arn = "arn:aws:resource-groups:us-east-1:123456789012:group/hosts"
}

resource "aws_network_interface" "eni" {
  subnet_id = aws_subnet.phi.id
}

resource "aws_instance" "via_eni" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  primary_network_interface {
    network_interface_id = aws_network_interface.eni.id
  }
}

# Tenancy from the launch template's placement.
resource "aws_launch_template" "dedicated" {
  name          = "dedicated"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  placement {
    tenancy = "dedicated"
  }
}

resource "aws_instance" "from_template" {
  instance_type = "m5.large"

  launch_template {
    id = aws_launch_template.dedicated.id
  }
}

# A template whose network interface is in the dedicated VPC.
resource "aws_launch_template" "in_dedicated_subnet" {
  name     = "in-dedicated-subnet"
  image_id = "ami-0abcdef1234567890"

  network_interfaces {
    subnet_id = aws_subnet.phi.id
  }
}

resource "aws_launch_configuration" "dedicated" {
  name              = "dedicated"
  image_id          = "ami-0abcdef1234567890"
  instance_type     = "m5.large"
  placement_tenancy = "dedicated"
}

# The same template, named by its literal name.
resource "aws_instance" "from_template_by_name" {
  instance_type = "m5.large"

  launch_template {
    name = "dedicated"
  }
}
