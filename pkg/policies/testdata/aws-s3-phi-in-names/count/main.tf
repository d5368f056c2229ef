resource "aws_s3_bucket" "numbered" {
  count  = 2
  bucket = "exports-123-45-678${count.index + 1}" # want "aws-s3-phi-in-names" "aws-s3-phi-in-names"
}

resource "aws_s3_bucket" "plain" {
  count  = 2
  bucket = "exports-${count.index}"
}
