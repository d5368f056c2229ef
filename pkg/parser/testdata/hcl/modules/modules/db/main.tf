variable "encrypted" {
  type = bool
}

variable "kms_key_arn" {
  default = null
}

variable "subnet_id" {
  default = null
}

resource "aws_db_instance" "x" {
  storage_encrypted = var.encrypted
  kms_key_id        = var.kms_key_arn
  subnet_id         = var.subnet_id
}

output "id" {
  value = aws_db_instance.x.id
}
