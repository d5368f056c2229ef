# Launch configurations are judged by their groups' subnets, wired by
# reference and by literal name.
resource "aws_vpc" "phi" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_subnet" "phi" {
  count      = 2
  vpc_id     = aws_vpc.phi.id
  cidr_block = "10.0.${count.index}.0/24"
}

resource "aws_vpc" "shared" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_launch_configuration" "by_ref_phi" {
  name          = "by-ref-phi"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "by_ref_phi" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.by_ref_phi.name
  vpc_zone_identifier  = aws_subnet.phi[*].id
}

resource "aws_launch_configuration" "by_name_shared" { # want "aws-ec2-dedicated-tenancy"
  name          = "by-name-shared"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "by_name_shared" {
  min_size             = 1
  max_size             = 2
  launch_configuration = "by-name-shared"
  vpc_zone_identifier  = [aws_subnet.shared.id]
}

resource "aws_launch_configuration" "explicit_default" {
  name              = "explicit-default"
  image_id          = "ami-0abcdef1234567890"
  instance_type     = "m5.large"
  placement_tenancy = "default" # want "aws-ec2-dedicated-tenancy"
}

resource "aws_autoscaling_group" "explicit_default" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.explicit_default.name
  vpc_zone_identifier  = [aws_subnet.shared.id]
}

# One subnet in the configuration, one named by literal id: the dedicated one
# cannot vouch for the other.
resource "aws_launch_configuration" "partly_outside" { # undetermined "aws-ec2-dedicated-tenancy"
  name          = "partly-outside"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "partly_outside" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.partly_outside.name
  vpc_zone_identifier  = [aws_subnet.phi[0].id, "subnet-0123456789abcdef0"]
}

# A literal subnet that is outside, next to one in a shared VPC: definitely wrong.
resource "aws_launch_configuration" "outside_and_shared" { # want "aws-ec2-dedicated-tenancy"
  name          = "outside-and-shared"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "outside_and_shared" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.outside_and_shared.name
  vpc_zone_identifier  = ["subnet-0123456789abcdef0", aws_subnet.shared.id]
}
