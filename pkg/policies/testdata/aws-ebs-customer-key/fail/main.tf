resource "aws_ebs_volume" "aws_managed" { # want "aws-ebs-customer-key"
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}

resource "aws_instance" "no_root_block" { # want "aws-ebs-customer-key"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_instance" "devices" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device { # want "aws-ebs-customer-key"
    encrypted = true
  }

  ebs_block_device { # want "aws-ebs-customer-key"
    device_name = "/dev/sdf"
    encrypted   = true
  }
}

resource "aws_launch_template" "lt" {
  name = "lt"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs { # want "aws-ebs-customer-key"
      encrypted = "true"
    }
  }
}

resource "aws_ebs_snapshot_copy" "copy" { # want "aws-ebs-customer-key"
  source_snapshot_id = "snap-0123456789abcdef0"
  source_region      = "us-east-1"
  encrypted          = true
}

# Launch configurations have no kms_key_id: not checked.
resource "aws_launch_configuration" "lc" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = true
  }
}
