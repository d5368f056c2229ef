resource "aws_s3_object" "per_patient" {
  for_each = {
    a = "123-45-6789"
    b = "7f3a9e2c"
  }
  bucket = "records"
  key    = "reports/${each.value}.pdf" # want "aws-s3-phi-in-names"
}
