resource "aws_ebs_volume" "omitted" { # want "aws-ebs-encrypted"
  availability_zone = "us-east-1a"
  size              = 100
}

resource "aws_ebs_volume" "off" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false # want "aws-ebs-encrypted"
}

# No root_block_device: the root volume takes the AMI's settings.
resource "aws_instance" "no_root_block" { # want "aws-ebs-encrypted"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_instance" "devices" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = false # want "aws-ebs-encrypted"
  }

  ebs_block_device { # want "aws-ebs-encrypted"
    device_name = "/dev/sdf"
    volume_size = 50
  }

  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 50
    encrypted   = true
  }
}

resource "aws_spot_instance_request" "spot" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device { # want "aws-ebs-encrypted"
    volume_size = 20
  }
}

resource "aws_launch_configuration" "lc" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false # want "aws-ebs-encrypted"
  }
}

resource "aws_launch_template" "lt" {
  name = "lt"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs { # want "aws-ebs-encrypted"
      volume_size = 20
    }
  }

  block_device_mappings {
    device_name = "/dev/sdf"

    ebs {
      encrypted = "false" # want "aws-ebs-encrypted"
    }
  }

  # Instance store: not an EBS volume.
  block_device_mappings {
    device_name  = "/dev/sdb"
    virtual_name = "ephemeral0"
  }
}
