variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_ebs_volume" "this" { # want "aws-ebs-customer-key"
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = var.kms_key_id
}
