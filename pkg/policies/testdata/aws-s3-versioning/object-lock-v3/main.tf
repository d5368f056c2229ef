# Provider v3: Object Lock through the inline object_lock_configuration block.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.70"
    }
  }
}

resource "aws_s3_bucket" "locked" {
  bucket = "acme-ver-locked-v3"
  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
}
