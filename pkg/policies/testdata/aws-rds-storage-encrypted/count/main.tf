variable "replicas" {
  default = 3
}

resource "aws_db_instance" "shard" {
  count             = var.replicas
  identifier        = "shard-${count.index}"
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = false # want "aws-rds-storage-encrypted" "aws-rds-storage-encrypted" "aws-rds-storage-encrypted"
}
