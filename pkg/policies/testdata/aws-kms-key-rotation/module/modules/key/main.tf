variable "rotate" {
  type    = bool
  default = true
}

resource "aws_kms_key" "this" {
  description         = "PHI data keys"
  enable_key_rotation = var.rotate # want "aws-kms-key-rotation"
}
