# A volume restored from a snapshot keeps the snapshot's key.
resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "keyed" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "unkeyed" { # want "aws-ebs-customer-key"
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}

resource "aws_ebs_snapshot" "keyed" {
  volume_id = aws_ebs_volume.keyed.id
}

resource "aws_ebs_snapshot" "unkeyed" {
  volume_id = aws_ebs_volume.unkeyed.id
}

resource "aws_ebs_volume" "restored_keyed" {
  availability_zone = "us-east-1a"
  snapshot_id       = aws_ebs_snapshot.keyed.id
}

resource "aws_ebs_volume" "restored_unkeyed" { # want "aws-ebs-customer-key"
  availability_zone = "us-east-1a"
  snapshot_id       = aws_ebs_snapshot.unkeyed.id
}
