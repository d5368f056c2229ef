resource "aws_redshift_cluster" "explicit_false" {
  cluster_identifier = "explicit-false"
  node_type          = "ra3.xlplus"
  encrypted          = false # want "aws-redshift-encrypted"
}
