resource "aws_kms_key" "rds" {
  enable_key_rotation = true
}

resource "aws_db_instance" "by_reference" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}

resource "aws_rds_cluster" "by_arn" {
  cluster_identifier = "clinical"
  engine             = "aurora-mysql"
  storage_encrypted  = true
  kms_key_id         = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# Cluster instances use the cluster's key; global clusters have no kms_key_id.
resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.by_arn.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}
