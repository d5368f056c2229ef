resource "aws_dynamodb_table" "shard" { # want "aws-dynamodb-pitr" "aws-dynamodb-pitr" "aws-dynamodb-pitr"
  count        = 3
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

  point_in_time_recovery {
    enabled = each.key == "east" # want "aws-dynamodb-pitr"
  }
}
