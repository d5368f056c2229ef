# fixture: profile=current
# AWS dropped the Dedicated Instance requirement: nothing is reported.
resource "aws_emr_cluster" "no_subnet" {
  name          = "no-subnet"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"
}
