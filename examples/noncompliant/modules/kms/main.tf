variable "name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

# Customer-managed keys: one for PHI data, one for logs.
resource "aws_kms_key" "data" {
  description             = "${var.name} data at rest"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name}-data"
  target_key_id = aws_kms_key.data.key_id
}

# Never rotated (aws-kms-key-rotation).
resource "aws_kms_key" "logs" {
  description             = "${var.name} audit logs"
  enable_key_rotation     = false
  deletion_window_in_days = 30
  tags                    = var.tags
}

output "data_key_arn" {
  value = aws_kms_key.data.arn
}

output "logs_key_arn" {
  value = aws_kms_key.logs.arn
}
