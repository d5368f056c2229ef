# fixture: hcl-only a real plan always has a value for var.key

variable "key" {
  type = string
}

resource "aws_redshift_cluster" "main" {
  cluster_identifier = "main"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = var.key # undetermined "aws-redshift-customer-key"
}
