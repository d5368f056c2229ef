resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_ebs_volume" "omitted" { # want "aws-ebs-encrypted"
  availability_zone = "us-east-1a"
  size              = 100
}
