variable "name" {
  type = string
}

variable "hash_key" {
  type = string
}

resource "aws_dynamodb_table" "this" {
  name     = var.name
  hash_key = var.hash_key # want "aws-dynamodb-phi-in-keys"

  attribute {
    name = var.hash_key
    type = "S"
  }
}
