variable "nodes" {
  default = 2
}

resource "aws_redshift_cluster" "node" {
  count              = var.nodes
  cluster_identifier = "node-${count.index}"
  node_type          = "ra3.xlplus"
  encrypted          = count.index == 0 # want "aws-redshift-encrypted"
}
