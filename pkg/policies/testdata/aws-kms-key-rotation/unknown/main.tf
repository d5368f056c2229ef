# fixture: hcl-only a real plan always has values for the variables

variable "rotate" {
  type = bool
}

variable "spec" {
  type = string
}

resource "aws_kms_key" "rotation_from_var" {
  description         = "PHI data keys"
  enable_key_rotation = var.rotate # undetermined "aws-kms-key-rotation"
}

resource "aws_kms_key" "spec_from_var" {
  description              = "PHI data keys"
  customer_master_key_spec = var.spec # undetermined "aws-kms-key-rotation"
}
