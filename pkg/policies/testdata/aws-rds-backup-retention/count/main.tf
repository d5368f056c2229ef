resource "aws_rds_cluster" "shard" {
  count                   = 3
  cluster_identifier      = "shard-${count.index}"
  engine                  = "aurora-mysql"
  backup_retention_period = count.index * 7 # want "aws-rds-backup-retention"
}
