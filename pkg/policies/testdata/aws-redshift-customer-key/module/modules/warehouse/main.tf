variable "name" {
  type = string
}

variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_redshift_cluster" "this" { # want "aws-redshift-customer-key"
  cluster_identifier = var.name
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = var.kms_key_id
}
