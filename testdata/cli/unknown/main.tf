variable "enc" {
  type = bool
}

resource "aws_db_instance" "main" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = var.enc
}
