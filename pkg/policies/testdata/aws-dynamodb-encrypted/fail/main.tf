resource "aws_dynamodb_table" "omitted" { # want "aws-dynamodb-encrypted"
  name         = "visits"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "visit_id"

  attribute {
    name = "visit_id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "aws_owned" {
  name         = "claims"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "claim_id"

  attribute {
    name = "claim_id"
    type = "S"
  }

  server_side_encryption {
    enabled = false # want "aws-dynamodb-encrypted"
  }
}
