resource "aws_dynamodb_table" "omitted" { # want "aws-dynamodb-pitr"
  name         = "visits"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "visit_id"

  attribute {
    name = "visit_id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "off" {
  name         = "claims"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "claim_id"

  attribute {
    name = "claim_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = false # want "aws-dynamodb-pitr"
  }
}
