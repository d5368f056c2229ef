resource "aws_rds_cluster" "postgres" {
  cluster_identifier = "claims"
  engine             = "aurora-postgresql" # want "aws-aurora-mysql-only"
}

# Instances of a cluster in this configuration are checked on the cluster.
resource "aws_rds_cluster_instance" "by_reference" {
  cluster_identifier = aws_rds_cluster.postgres.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster_instance" "by_name" {
  cluster_identifier = "claims"
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

# The cluster is managed elsewhere: the instance is the place it shows.
resource "aws_rds_cluster_instance" "orphan" {
  cluster_identifier = "managed-elsewhere"
  engine             = "Aurora-PostgreSQL" # want "aws-aurora-mysql-only"
  instance_class     = "db.r6g.large"
}

resource "aws_rds_global_cluster" "global" {
  global_cluster_identifier = "claims-global"
  engine                    = "aurora-postgresql" # want "aws-aurora-mysql-only"
}

resource "aws_db_instance" "legacy" {
  engine         = "aurora-postgresql" # want "aws-aurora-mysql-only"
  instance_class = "db.r6g.large"
}
