# fixture: hcl-only a real plan always has a value for var.engine

variable "engine" {
  type = string
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "main"
  engine             = var.engine # undetermined "aws-aurora-mysql-only"
}
