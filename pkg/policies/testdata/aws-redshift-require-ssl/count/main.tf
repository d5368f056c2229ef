resource "aws_redshift_cluster" "node" { # want "aws-redshift-require-ssl" "aws-redshift-require-ssl" "aws-redshift-require-ssl"
  count              = 3
  cluster_identifier = "node-${count.index}"
  node_type          = "ra3.xlplus"
}
