resource "random_pet" "suffix" {}

resource "aws_s3_bucket" "named_after_apply" {
  bucket = "exports-${random_pet.suffix.id}" # undetermined "aws-s3-phi-in-names"
}
