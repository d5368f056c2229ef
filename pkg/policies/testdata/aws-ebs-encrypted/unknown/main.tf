# fixture: hcl-only a real plan always has values for the variables

variable "encrypted" {
  type = bool
}

variable "snapshot_id" {
  type = string
}

resource "aws_ebs_volume" "from_var" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = var.encrypted # undetermined "aws-ebs-encrypted"
}

# The snapshot is outside the configuration: it may be encrypted.
resource "aws_ebs_volume" "from_snapshot" { # undetermined "aws-ebs-encrypted"
  availability_zone = "us-east-1a"
  snapshot_id       = var.snapshot_id
}

resource "aws_ebs_volume" "from_literal_snapshot" { # undetermined "aws-ebs-encrypted"
  availability_zone = "us-east-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

variable "devices" {
  type = list(string)
}

resource "aws_instance" "dynamic_devices" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = true
  }

  dynamic "ebs_block_device" { # undetermined "aws-ebs-encrypted"
    for_each = var.devices
    content {
      device_name = ebs_block_device.value
    }
  }
}
