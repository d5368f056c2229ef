resource "aws_kms_key" "redshift" {
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "by_reference" {
  cluster_identifier = "by-reference"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}

resource "aws_redshift_cluster" "by_arn" {
  cluster_identifier = "by-arn"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# A restore keeps the snapshot's key: not decidable here.
resource "aws_redshift_cluster" "restored" {
  cluster_identifier  = "restored"
  node_type           = "ra3.xlplus"
  snapshot_identifier = "nightly" # undetermined "aws-redshift-customer-key"
}
