# The network lives in a module called twice; instances and groups in the root
# reach their VPC through the module's outputs.
module "phi_net" {
  source  = "./modules/net"
  cidr    = "10.0.0.0/16"
  tenancy = "dedicated"
}

module "shared_net" {
  source  = "./modules/net"
  cidr    = "10.1.0.0/16"
  tenancy = "default"
}

resource "aws_instance" "phi" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = module.phi_net.subnet_ids[0]
}

resource "aws_instance" "shared" { # want "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = module.shared_net.subnet_ids[1]
}

resource "aws_launch_configuration" "phi" {
  name          = "phi"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "phi" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.phi.name
  vpc_zone_identifier  = module.phi_net.subnet_ids
}

resource "aws_launch_configuration" "mixed" { # want "aws-ec2-dedicated-tenancy"
  name          = "mixed"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "mixed" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.mixed.name
  vpc_zone_identifier  = concat(module.phi_net.subnet_ids, module.shared_net.subnet_ids)
}
