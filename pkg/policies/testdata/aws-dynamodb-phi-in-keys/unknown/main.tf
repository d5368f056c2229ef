resource "random_pet" "key" {}

resource "aws_dynamodb_table" "later" {
  name     = "later"
  hash_key = random_pet.key.id # undetermined "aws-dynamodb-phi-in-keys"

  attribute {
    name = random_pet.key.id
    type = "S"
  }
}

resource "aws_dynamodb_table_item" "later" {
  table_name = aws_dynamodb_table.later.name
  hash_key   = aws_dynamodb_table.later.hash_key
  item = jsonencode({ # undetermined "aws-dynamodb-phi-in-keys"
    (random_pet.key.id) = { S = "x" }
  })
}
