variable "name" {
  type = string
}

variable "engine" {
  type = string
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = var.name
  engine             = var.engine # want "aws-aurora-mysql-only"
}

resource "aws_rds_cluster_instance" "this" {
  count              = 2
  cluster_identifier = aws_rds_cluster.this.id
  engine             = var.engine
  instance_class     = "db.r6g.large"
}
