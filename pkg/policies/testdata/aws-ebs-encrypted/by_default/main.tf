# Account-level encryption by default covers every volume (enabled defaults to true).
resource "aws_ebs_encryption_by_default" "this" {}

resource "aws_ebs_volume" "omitted" {
  availability_zone = "us-east-1a"
  size              = 100
}

resource "aws_instance" "no_root_block" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_launch_template" "lt" {
  name = "lt"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 20
    }
  }
}
