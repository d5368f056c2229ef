variable "settings" {}

resource "aws_ebs_volume" "v" {
  encrypted = var.settings.encrypted
}
