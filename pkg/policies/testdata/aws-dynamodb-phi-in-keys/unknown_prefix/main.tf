# fixture: hcl-only a plan does not carry the known beginning of a value unknown before apply

resource "random_pet" "suffix" {}

resource "aws_dynamodb_table" "versioned_keys" {
  name      = "patients"
  hash_key  = "ssn_${random_pet.suffix.id}"     # want "aws-dynamodb-phi-in-keys"
  range_key = "visit${random_pet.suffix.id}"    # undetermined "aws-dynamodb-phi-in-keys"

  attribute {
    name = "ssn_${random_pet.suffix.id}"
    type = "S"
  }

  attribute {
    name = "visit${random_pet.suffix.id}"
    type = "S"
  }
}
