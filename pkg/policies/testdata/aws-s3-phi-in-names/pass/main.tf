# Names that describe PHI without containing it, and infrastructure strings
# that only resemble PHI shapes.

resource "aws_s3_bucket" "records" {
  bucket = "patient-records-bucket"
  tags = {
    Environment        = "prod"
    DataClassification = "phi"
    AccountNumber      = "123456789012"
    Owner              = "platform-team"
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs-2024-01-01"
}

resource "aws_s3_bucket" "ssn_lookup" {
  bucket_prefix = "ssn-lookup-service-"
}

resource "aws_s3_bucket" "generated" {
}

resource "aws_s3_object" "batch" {
  bucket = aws_s3_bucket.records.id
  key    = "exports/2024/01/01/build-123-45-678.csv"
  metadata = {
    record-type   = "lab-report"
    kms-key       = "alias/hipaa-phi-key"
    source-cidr   = "10.0.0.0/16"
    schema        = "v5.100.0"
    correlation   = "123e4567-e89b-12d3-a456-426614174000"
    exported-at   = "2024-01-01T00:00:00Z"
    owner-account = "arn:aws:iam::123456789012:role/exporter"
  }
}

resource "aws_s3_object_copy" "copy" {
  bucket = aws_s3_bucket.records.id
  key    = "archive/batch-20240101.csv"
  source = "intake-bucket/batch.csv"
}
