# The account's default EBS key is a customer-managed key: volumes without
# kms_key_id use it.
resource "aws_kms_key" "ebs" {
  description         = "EBS default"
  enable_key_rotation = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}
