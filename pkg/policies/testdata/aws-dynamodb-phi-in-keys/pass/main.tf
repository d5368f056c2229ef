# Single-table design on opaque keys; PHI lives in non-key attributes the
# application encrypts.

resource "aws_dynamodb_table" "app" {
  name         = "patient-visits"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "PK"
  range_key    = "SK"

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  attribute {
    name = "GSI1PK"
    type = "S"
  }

  global_secondary_index {
    name               = "GSI1"
    hash_key           = "GSI1PK"
    range_key          = "SK"
    projection_type    = "INCLUDE"
    non_key_attributes = ["email", "first_name"]
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  tags = {
    Environment        = "prod"
    DataClassification = "phi"
  }
}

resource "aws_dynamodb_table" "locks" {
  name     = "terraform-state-lock-2024-01-01"
  hash_key = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }
}

resource "aws_dynamodb_table_item" "config" {
  table_name = aws_dynamodb_table.app.name
  hash_key   = aws_dynamodb_table.app.hash_key
  range_key  = aws_dynamodb_table.app.range_key
  item = jsonencode({
    PK      = { S = "CONFIG#7f3a9e2c" }
    SK      = { S = "v5.100.0" }
    created = { S = "2024-01-01T00:00:00Z" }
    limit   = { N = "1234567890" }
  })
}
