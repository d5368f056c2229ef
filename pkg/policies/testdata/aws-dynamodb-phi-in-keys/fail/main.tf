# Key design around PHI fields: every key and index attribute, and value
# shapes in names and tags.

resource "aws_dynamodb_table" "patients" {
  name         = "patients-123-45-6789" # want "aws-dynamodb-phi-in-keys"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "ssn"           # want "aws-dynamodb-phi-in-keys"
  range_key    = "date_of_birth" # want "aws-dynamodb-phi-in-keys"

  attribute {
    name = "ssn"
    type = "S"
  }

  attribute {
    name = "date_of_birth"
    type = "S"
  }

  attribute {
    name = "patientEmail"
    type = "S"
  }

  attribute {
    name = "PhoneNumber"
    type = "S"
  }

  attribute {
    name = "visit_id"
    type = "S"
  }

  global_secondary_index {
    name            = "by-email"
    hash_key        = "patientEmail" # want "aws-dynamodb-phi-in-keys"
    range_key       = "visit_id"
    projection_type = "ALL"
  }

  local_secondary_index {
    name            = "by-phone"
    range_key       = "PhoneNumber" # want "aws-dynamodb-phi-in-keys"
    projection_type = "KEYS_ONLY"
  }

  tags = { # want "aws-dynamodb-phi-in-keys"
    Owner = "jane.doe@gmail.com"
  }
}

resource "aws_dynamodb_table" "unused_definition" {
  name     = "claims"
  hash_key = "claim_id"

  attribute {
    name = "claim_id"
    type = "S"
  }

  attribute {
    name = "MemberID" # want "aws-dynamodb-phi-in-keys"
    type = "S"
  }
}

resource "aws_dynamodb_table" "key_schema" {
  name     = "encounters"
  hash_key = "encounter_id"

  attribute {
    name = "encounter_id"
    type = "S"
  }

  attribute {
    name = "mrn"
    type = "S"
  }

  global_secondary_index {
    name            = "by-record"
    projection_type = "KEYS_ONLY"

    key_schema {
      attribute_name = "mrn" # want "aws-dynamodb-phi-in-keys"
      key_type       = "HASH"
    }
  }
}
