# fixture: hcl-only a real plan always has a value for var.policy
variable "policy" {
  type = string
}

resource "aws_glacier_vault" "v" {
  name          = "archive-unknown"
  access_policy = var.policy # undetermined "aws-glacier-secure-transport"
}
