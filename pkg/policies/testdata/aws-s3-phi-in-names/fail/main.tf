# Every shape the detector knows, in every S3 attribute the rule reads.

resource "aws_s3_bucket" "ssn" {
  bucket = "exports-123-45-6789" # want "aws-s3-phi-in-names"
}

resource "aws_s3_bucket" "phone_prefix" {
  bucket_prefix = "callback-555-234-5678-" # want "aws-s3-phi-in-names"
}

resource "aws_s3_bucket" "tagged" {
  bucket = "patient-records-bucket"
  tags = { # want "aws-s3-phi-in-names"
    PatientEmail = "on-file"
    Environment  = "prod"
  }
}

resource "aws_s3_object" "report" {
  bucket = aws_s3_bucket.tagged.id
  key    = "reports/mrn-0012345/labs.pdf" # want "aws-s3-phi-in-names"
  metadata = { # want "aws-s3-phi-in-names"
    date-of-birth = "on-file"
  }
  tags = { # want "aws-s3-phi-in-names"
    uploaded-by = "jane.doe@gmail.com"
  }
}

resource "aws_s3_bucket_object" "legacy" {
  bucket = aws_s3_bucket.tagged.id
  key    = "claims/1EG4-TE5-MK73.json" # want "aws-s3-phi-in-names"
  metadata = { # want "aws-s3-phi-in-names"
    note = "dob 1980-01-02"
  }
}

resource "aws_s3_object_copy" "copy" {
  bucket = aws_s3_bucket.tagged.id
  key    = "scans/dob-1980-01-02.pdf" # want "aws-s3-phi-in-names"
  source = "intake-bucket/scan.pdf"
}
