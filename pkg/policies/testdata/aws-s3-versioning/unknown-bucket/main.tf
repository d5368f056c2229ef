# fixture: hcl-only a real plan always has a value for var.target
variable "target" {
  type = string
}

resource "aws_s3_bucket" "maybe" { # undetermined "aws-s3-versioning"
  bucket = "acme-ver-maybe"
}

resource "aws_s3_bucket_versioning" "somewhere" {
  bucket = var.target
  versioning_configuration {
    status = "Enabled"
  }
}
