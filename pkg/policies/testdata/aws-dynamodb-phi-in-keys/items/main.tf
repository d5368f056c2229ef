resource "aws_dynamodb_table" "patients" {
  name      = "patients"
  hash_key  = "pk"
  range_key = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }
}

resource "aws_dynamodb_table_item" "keyed_on_ssn" {
  table_name = aws_dynamodb_table.patients.name
  hash_key   = "pk"
  range_key  = "sk"
  item = jsonencode({ # want "aws-dynamodb-phi-in-keys"
    pk = { S = "PATIENT#123-45-6789" }
    sk = { S = "PROFILE" }
  })
}

resource "aws_dynamodb_table_item" "phi_in_body" {
  table_name = aws_dynamodb_table.patients.name
  hash_key   = "pk"
  range_key  = "sk"
  item       = "{\"pk\": {\"S\": \"PATIENT#7f3a9e2c\"}, \"sk\": {\"S\": \"CONTACT\"}, \"contact\": {\"M\": {\"phone\": {\"S\": \"(555) 234-5678\"}}}}" # want "aws-dynamodb-phi-in-keys"
}

resource "aws_dynamodb_table_item" "not_json" {
  table_name = aws_dynamodb_table.patients.name
  hash_key   = "pk"
  item       = "{not json"
}
