resource "aws_ebs_volume" "plain" { # want "aws-ebs-encrypted" "aws-ebs-encrypted"
  count             = 2
  availability_zone = "us-east-1a"
  size              = 100
}

resource "aws_ebs_volume" "per_az" {
  for_each          = toset(["us-east-1a", "us-east-1b", "us-east-1c"])
  availability_zone = each.key
  size              = 100
  encrypted         = each.key != "us-east-1c" # want "aws-ebs-encrypted"
}
