# fixture: hcl-only a real plan is made with one provider version and records its default
# No lock file, and a constraint that spans v5 and v6: the default is not known.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

resource "aws_redshift_cluster" "omitted" { # undetermined "aws-redshift-encrypted"
  cluster_identifier = "omitted"
  node_type          = "ra3.xlplus"
}

# A restore takes the snapshot's encryption.
resource "aws_redshift_cluster" "restored" {
  cluster_identifier  = "restored"
  node_type           = "ra3.xlplus"
  snapshot_identifier = "nightly" # undetermined "aws-redshift-encrypted"
}
