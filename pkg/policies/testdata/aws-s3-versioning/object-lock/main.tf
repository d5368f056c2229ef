# Object Lock turns versioning on (and keeps it on): no versioning resource is needed.
resource "aws_s3_bucket" "locked" {
  bucket              = "acme-ver-locked"
  object_lock_enabled = true
}

resource "aws_s3_object_lock_configuration" "locked" {
  bucket = aws_s3_bucket.locked.id
  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 30
    }
  }
}

resource "aws_s3_bucket" "unlocked" { # want "aws-s3-versioning"
  bucket              = "acme-ver-unlocked"
  object_lock_enabled = false
}
