variable "name" {
  type = string
}

variable "owner" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name # want "aws-s3-phi-in-names"
  tags = { # want "aws-s3-phi-in-names"
    Owner = var.owner
  }
}
