resource "aws_kms_key" "redshift" {
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "encrypted" {
  cluster_identifier = "encrypted"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}

resource "aws_redshift_cluster" "string_true" {
  cluster_identifier = "string-true"
  node_type          = "ra3.xlplus"
  encrypted          = "true"
}
