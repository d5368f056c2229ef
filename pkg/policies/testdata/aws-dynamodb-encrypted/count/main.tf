resource "aws_dynamodb_table" "shard" { # want "aws-dynamodb-encrypted" "aws-dynamodb-encrypted"
  count        = 2
  name         = "shard-${count.index}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "by_region" {
  for_each     = toset(["east", "west"])
  name         = "orders-${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}
