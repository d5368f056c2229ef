# Templates are judged by the groups that launch from them, wired by
# reference, by literal name, and through a mixed instances policy.
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

resource "aws_launch_template" "by_ref_shared" { # want "aws-ec2-dedicated-tenancy"
  name     = "by-ref-shared"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_autoscaling_group" "by_ref_shared" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.shared.id]

  launch_template {
    id      = aws_launch_template.by_ref_shared.id
    version = "$Latest"
  }
}

resource "aws_launch_template" "by_name_shared" {
  name     = "by-name-shared"
  image_id = "ami-0abcdef1234567890"

  placement {
    tenancy = "default" # want "aws-ec2-dedicated-tenancy"
  }
}

resource "aws_autoscaling_group" "by_name_shared" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.phi.id, aws_subnet.shared.id]

  launch_template {
    name = "by-name-shared"
  }
}

resource "aws_launch_template" "mixed_phi" {
  name     = "mixed-phi"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_autoscaling_group" "mixed_phi" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.phi.id]

  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.mixed_phi.id
      }
    }
  }
}

# A group with no subnets launches into the default VPC.
resource "aws_launch_template" "no_subnets" { # want "aws-ec2-dedicated-tenancy"
  name     = "no-subnets"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_autoscaling_group" "no_subnets" {
  min_size           = 1
  max_size           = 2
  availability_zones = ["us-east-1a"]

  launch_template {
    id = aws_launch_template.no_subnets.id
  }
}

# The template's own network interface puts it in the shared VPC.
resource "aws_launch_template" "own_subnet_shared" { # want "aws-ec2-dedicated-tenancy"
  name     = "own-subnet-shared"
  image_id = "ami-0abcdef1234567890"

  network_interfaces {
    subnet_id = aws_subnet.shared.id
  }
}

# An instance launching from a template with no placement, into the shared
# VPC: both the instance and the template are reported.
resource "aws_launch_template" "instance_user" { # want "aws-ec2-dedicated-tenancy"
  name     = "instance-user"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_instance" "from_template" { # want "aws-ec2-dedicated-tenancy"
  subnet_id = aws_subnet.shared.id

  launch_template {
    id = aws_launch_template.instance_user.id
  }
}

# A template named by literal name from an instance in the dedicated VPC: the
# template passes through its one user.
resource "aws_launch_template" "by_name_instance" {
  name     = "by-name-instance"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_instance" "by_name_instance" {
  subnet_id = aws_subnet.phi.id

  launch_template {
    name = "by-name-instance"
  }
}
