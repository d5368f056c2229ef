# Provider v3 (locked): the inline versioning block, enabled defaults to false.
resource "aws_s3_bucket" "on" {
  bucket = "acme-v3-on"
  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket" "off" {
  bucket = "acme-v3-off"
  versioning {
    enabled = false # want "aws-s3-versioning"
  }
}

resource "aws_s3_bucket" "omitted" {
  bucket = "acme-v3-omitted"
  versioning { # want "aws-s3-versioning"
    mfa_delete = false
  }
}
