resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "unkeyed" { # want "aws-ebs-customer-key" "aws-ebs-customer-key"
  count             = 2
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}

resource "aws_ebs_volume" "keyed" {
  for_each          = toset(["us-east-1a", "us-east-1b"])
  availability_zone = each.key
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}
