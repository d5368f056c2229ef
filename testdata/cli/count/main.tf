resource "aws_db_instance" "shard" {
  count             = 3
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
