resource "aws_cloudwatch_log_group" "per_patient" {
  count = 2
  name  = "/app/${count.index}"
  tags = { # want "aws-phi-in-tags" "aws-phi-in-tags"
    "patient_phone_${count.index}" = "on-file"
  }
}
