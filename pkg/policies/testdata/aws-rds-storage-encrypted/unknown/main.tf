# fixture: hcl-only a real plan always has a value for var.enc

variable "enc" {
  type = bool
}

resource "aws_db_instance" "main" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = var.enc # undetermined "aws-rds-storage-encrypted"
}
