# fixture: hcl-only a plan does not carry the known beginning of a value unknown before apply

# The suffixes are known only after apply; what comes before them is known
# now and is checked.

resource "random_pet" "suffix" {}

resource "aws_s3_object" "ssn_then_unknown" {
  bucket = "records"
  key    = "exports/123-45-6789/${random_pet.suffix.id}.pdf" # want "aws-s3-phi-in-names"
}

resource "aws_s3_bucket" "may_go_on" {
  # After "6789-" the unknown part may continue the number, which would make
  # it something other than an SSN.
  bucket = "exports-123-45-6789-${random_pet.suffix.id}" # undetermined "aws-s3-phi-in-names"
}

resource "aws_s3_bucket" "cut_short" {
  bucket = "exports-123-45-678${random_pet.suffix.id}" # undetermined "aws-s3-phi-in-names"
}

resource "aws_s3_object" "clean_prefix" {
  bucket = "records"
  key    = "reports/${random_pet.suffix.id}.pdf" # undetermined "aws-s3-phi-in-names"
}
