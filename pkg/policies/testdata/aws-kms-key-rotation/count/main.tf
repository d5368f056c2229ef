resource "aws_kms_key" "per_tenant" { # want "aws-kms-key-rotation" "aws-kms-key-rotation"
  for_each    = toset(["clinic-a", "clinic-b"])
  description = "Tenant key"
}

resource "aws_kms_key" "rotated" {
  count               = 3
  description         = "Shard key"
  enable_key_rotation = true
}
