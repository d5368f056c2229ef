# The lock file pins provider 6.x: an omitted encrypted defaults to true.
resource "aws_redshift_cluster" "omitted" {
  cluster_identifier = "omitted"
  node_type          = "ra3.xlplus"
}
