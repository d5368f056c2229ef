# fixture: hcl-only a real plan always has a value for var.encrypted

variable "encrypted" {
  type = bool
}

resource "aws_redshift_cluster" "main" {
  cluster_identifier = "main"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted # undetermined "aws-redshift-encrypted"
}
