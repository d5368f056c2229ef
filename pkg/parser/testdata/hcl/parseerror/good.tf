resource "aws_ebs_volume" "good" {
  encrypted = false
}
