# fixture: profile=current
# Aurora PostgreSQL is HIPAA eligible today: the current profile accepts it.
resource "aws_rds_cluster" "postgres" {
  cluster_identifier = "claims"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "orphan" {
  cluster_identifier = "managed-elsewhere"
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

resource "aws_rds_global_cluster" "global" {
  global_cluster_identifier = "claims-global"
  engine                    = "aurora-postgresql"
}
