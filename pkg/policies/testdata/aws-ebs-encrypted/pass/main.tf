resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}

resource "aws_spot_instance_request" "spot" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = true
  }
}

resource "aws_launch_configuration" "lc" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = true
  }
}

resource "aws_launch_template" "lt" {
  name = "lt"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = "true"
    }
  }

  block_device_mappings {
    device_name = "/dev/sdf"

    ebs {
      encrypted = true
    }
  }
}

# A launch template that maps no volumes leaves the AMI's: not this rule's finding.
resource "aws_launch_template" "no_mappings" {
  name     = "no-mappings"
  image_id = "ami-0abcdef1234567890"
}
