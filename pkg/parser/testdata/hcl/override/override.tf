variable "size" {
  default = 20
}

locals {
  name = "overridden"
}

resource "aws_db_instance" "db" {
  storage_encrypted = false
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = false
  }
}
