variable "unknown_count" {
  type = number
}

variable "buckets" {
  default = {
    logs = { versioning = false }
    phi  = { versioning = true }
  }
}

resource "aws_subnet" "app" {
  count      = 3
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_s3_bucket" "map" {
  for_each = var.buckets
  bucket   = "acme-${each.key}"
  versioned = each.value.versioning
}

resource "aws_iam_user" "set" {
  for_each = toset(["alice", "bob"])
  name     = each.value
}

resource "aws_instance" "unknown" {
  count     = var.unknown_count
  subnet_id = aws_subnet.app[count.index].id
}

resource "aws_instance" "none" {
  count = 0
  ami   = "ami-1"
}

resource "aws_instance" "dyn" {
  ami = "ami-2"

  root_block_device {
    encrypted = true
  }

  dynamic "ebs_block_device" {
    for_each = { a = 10, b = 20 }
    content {
      device_name = ebs_block_device.key
      volume_size = ebs_block_device.value
    }
  }

  dynamic "network_interface" {
    for_each = var.unknown_count > 0 ? [1] : []
    iterator = nic
    content {
      device_index = nic.value
    }
  }

  lifecycle {
    ignore_changes = [ami]
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "map" {
  for_each = aws_s3_bucket.map
  bucket   = each.value.id
}

resource "aws_security_group" "dyn" {
  dynamic "ingress" {
    for_each = aws_subnet.app
    content {
      cidr_blocks = [ingress.value.cidr_block]
    }
  }
}
