variable "name" {
  type = string
}

variable "security_configuration" {
  type = string
}

resource "aws_emr_cluster" "this" {
  name                   = var.name
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = var.security_configuration # want "aws-emr-encryption"
}
