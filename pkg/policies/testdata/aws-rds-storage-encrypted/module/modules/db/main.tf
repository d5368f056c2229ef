variable "name" {
  type = string
}

variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_db_instance" "this" {
  identifier        = var.name
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = var.encrypted # want "aws-rds-storage-encrypted"
}
