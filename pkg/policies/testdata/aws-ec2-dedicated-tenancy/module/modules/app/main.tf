variable "subnet_id" {
  type = string
}

resource "aws_instance" "this" { # want "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = var.subnet_id
}
