resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted  = true
    kms_key_id = aws_kms_key.ebs.arn
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
    kms_key_id  = aws_kms_key.ebs.arn
  }
}

resource "aws_spot_instance_request" "spot" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted  = true
    kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }
}

resource "aws_launch_template" "lt" {
  name = "lt"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted  = "true"
      kms_key_id = aws_kms_key.ebs.arn
    }
  }
}

resource "aws_ebs_snapshot_copy" "copy" {
  source_snapshot_id = "snap-0123456789abcdef0"
  source_region      = "us-east-1"
  encrypted          = true
  kms_key_id         = aws_kms_key.ebs.arn
}
