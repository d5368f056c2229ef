# Provider v4: an omitted engine means aurora (MySQL 5.6-compatible), which passes.
resource "aws_rds_cluster" "omitted" {
  cluster_identifier = "legacy"
}

resource "aws_rds_cluster_instance" "omitted" {
  cluster_identifier = aws_rds_cluster.omitted.id
  instance_class     = "db.r5.large"
}

resource "aws_rds_cluster" "postgres" {
  cluster_identifier = "claims"
  engine             = "aurora-postgresql" # want "aws-aurora-mysql-only"
}
