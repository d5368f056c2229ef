resource "aws_redshift_cluster" "aws_managed" { # want "aws-redshift-customer-key"
  cluster_identifier = "aws-managed"
  node_type          = "ra3.xlplus"
  encrypted          = true
}

resource "aws_redshift_cluster" "empty" {
  cluster_identifier = "empty"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = "" # want "aws-redshift-customer-key"
}
