variable "kms_key_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

resource "aws_db_subnet_group" "this" {
  subnet_ids = var.subnet_ids
}

resource "aws_db_instance" "main" {
  count                = 1
  engine               = "postgres"
  instance_class       = "db.t3.micro"
  allocated_storage    = 20
  storage_encrypted    = true
  kms_key_id           = var.kms_key_id
  db_subnet_group_name = aws_db_subnet_group.this.name
}

output "key_arn" {
  value = aws_db_instance.main[0].kms_key_id
}
