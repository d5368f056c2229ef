# The log bucket receives the others' logs, so it is exempt.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}

# By reference.
resource "aws_s3_bucket" "phi" {
  bucket = "acme-logged-phi"
}

resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "phi/"
}

# By literal name, on both sides.
resource "aws_s3_bucket" "reports" {
  bucket = "acme-logged-reports"
}

resource "aws_s3_bucket_logging" "reports" {
  bucket        = "acme-logged-reports"
  target_bucket = "acme-access-logs"
  target_prefix = "reports/"
}

# A second log bucket named as target by literal name only.
resource "aws_s3_bucket" "logs_b" {
  bucket = "acme-access-logs-b"
}

resource "aws_s3_bucket" "intake" {
  bucket = "acme-logged-intake"
}

resource "aws_s3_bucket_logging" "intake" {
  bucket        = aws_s3_bucket.intake.bucket
  target_bucket = "acme-access-logs-b"
  target_prefix = "intake/"
}
