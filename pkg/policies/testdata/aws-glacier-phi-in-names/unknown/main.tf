resource "random_id" "suffix" {
  byte_length = 4
}

resource "aws_glacier_vault" "later" {
  name = "archive-${random_id.suffix.hex}" # undetermined "aws-glacier-phi-in-names"
  tags = {
    Environment = "prod"
  }
}
