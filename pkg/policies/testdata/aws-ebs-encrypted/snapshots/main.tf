# Encryption is inherited through snapshots and copies.
resource "aws_ebs_volume" "encrypted" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false # want "aws-ebs-encrypted"
}

resource "aws_ebs_snapshot" "encrypted" {
  volume_id = aws_ebs_volume.encrypted.id
}

resource "aws_ebs_snapshot" "plain" {
  volume_id = aws_ebs_volume.plain.id
}

# A copy of an encrypted snapshot stays encrypted.
resource "aws_ebs_snapshot_copy" "of_encrypted" {
  source_snapshot_id = aws_ebs_snapshot.encrypted.id
  source_region      = "us-east-1"
}

resource "aws_ebs_snapshot_copy" "of_plain" { # want "aws-ebs-encrypted"
  source_snapshot_id = aws_ebs_snapshot.plain.id
  source_region      = "us-east-1"
}

resource "aws_ebs_snapshot_copy" "of_plain_encrypted" {
  source_snapshot_id = aws_ebs_snapshot.plain.id
  source_region      = "us-east-1"
  encrypted          = true
}

# A volume restored from an encrypted copy is encrypted.
resource "aws_ebs_volume" "restored" {
  availability_zone = "us-east-1a"
  snapshot_id       = aws_ebs_snapshot_copy.of_encrypted.id
}

resource "aws_ebs_volume" "restored_plain" { # want "aws-ebs-encrypted"
  availability_zone = "us-east-1a"
  snapshot_id       = aws_ebs_snapshot.plain.id
}
