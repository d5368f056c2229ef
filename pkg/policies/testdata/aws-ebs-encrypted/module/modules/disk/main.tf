variable "encrypted" {
  type = bool
}

resource "aws_ebs_volume" "this" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = var.encrypted # want "aws-ebs-encrypted"
}

resource "aws_instance" "this" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"

  root_block_device {
    encrypted = var.encrypted # want "aws-ebs-encrypted"
  }
}
