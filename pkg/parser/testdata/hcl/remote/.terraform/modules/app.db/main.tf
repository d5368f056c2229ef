resource "aws_db_instance" "this" {
  storage_encrypted = true
}
