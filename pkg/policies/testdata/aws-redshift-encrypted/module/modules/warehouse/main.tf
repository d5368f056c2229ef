variable "name" {
  type = string
}

variable "encrypted" {
  type = bool
}

resource "aws_redshift_cluster" "this" {
  cluster_identifier = var.name
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted # want "aws-redshift-encrypted"
}
