variable "size" {
  default = 10
}

locals {
  name = "base"
}

resource "aws_db_instance" "db" {
  storage_encrypted = true
  allocated_storage = var.size
  identifier        = local.name

  tags = {
    Env = "prod"
  }
}

resource "aws_instance" "web" {
  ami = "ami-1"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdb"
  }
}
