locals {
  engines = ["aurora-mysql", "aurora-postgresql", "aurora-postgresql"]
}

resource "aws_rds_cluster" "c" {
  count              = length(local.engines)
  cluster_identifier = "c-${count.index}"
  engine             = local.engines[count.index] # want "aws-aurora-mysql-only" "aws-aurora-mysql-only"
}
