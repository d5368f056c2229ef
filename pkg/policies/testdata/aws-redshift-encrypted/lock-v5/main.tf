# The lock file pins provider 5.x: an omitted encrypted defaults to false.
resource "aws_redshift_cluster" "omitted" { # want "aws-redshift-encrypted"
  cluster_identifier = "omitted"
  node_type          = "ra3.xlplus"
}
