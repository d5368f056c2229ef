resource "aws_kms_key" "rds" {
  description         = "RDS"
  enable_key_rotation = true
}

resource "aws_db_instance" "encrypted" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}

# Serverless v1 defaults to encrypted.
resource "aws_rds_cluster" "serverless_v1" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}

resource "aws_rds_cluster" "source" {
  engine            = "aurora-mysql"
  storage_encrypted = true
}

# A global cluster built from an encrypted cluster is encrypted.
resource "aws_rds_global_cluster" "from_source" {
  global_cluster_identifier    = "global-db"
  source_db_cluster_identifier = aws_rds_cluster.source.arn
}

resource "aws_rds_cluster" "secondary" {
  engine                    = "aurora-mysql"
  global_cluster_identifier = aws_rds_global_cluster.from_source.id
}
