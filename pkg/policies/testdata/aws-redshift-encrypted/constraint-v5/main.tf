terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

resource "aws_redshift_cluster" "omitted" { # want "aws-redshift-encrypted"
  cluster_identifier = "omitted"
  node_type          = "ra3.xlplus"
}
