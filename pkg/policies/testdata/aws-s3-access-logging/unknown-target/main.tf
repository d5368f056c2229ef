# fixture: hcl-only a real plan always has a value for var.log_bucket
variable "log_bucket" {
  type = string
}

# Logged by reference: passes whatever the target.
resource "aws_s3_bucket" "phi" {
  bucket = "acme-unk-phi"
}

resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = var.log_bucket
}

# Not logged, but it may be the log target: undetermined.
resource "aws_s3_bucket" "maybe_logs" { # undetermined "aws-s3-access-logging"
  bucket = "acme-unk-maybe-logs"
}
