resource "aws_s3_bucket" "unlogged" { # want "aws-s3-access-logging"
  bucket = "acme-unlogged"
}

# Logging configured for a different bucket does not count for this one.
resource "aws_s3_bucket" "other" { # want "aws-s3-access-logging"
  bucket = "acme-other"
}

resource "aws_s3_bucket_logging" "elsewhere" {
  bucket        = "acme-not-in-this-config"
  target_bucket = "acme-central-logs"
}
