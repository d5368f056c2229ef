terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

resource "aws_redshift_cluster" "omitted" {
  cluster_identifier = "omitted"
  node_type          = "ra3.xlplus"
}
