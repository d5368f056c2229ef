resource "aws_redshift_cluster" "node" { # want "aws-redshift-customer-key" "aws-redshift-customer-key"
  count              = 2
  cluster_identifier = "node-${count.index}"
  node_type          = "ra3.xlplus"
  encrypted          = true
}
