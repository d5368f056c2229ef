variable "name" {
  type = string
}

variable "encrypt" {
  type    = bool
  default = true
}

resource "aws_dynamodb_table" "this" {
  name         = var.name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = var.encrypt # want "aws-dynamodb-encrypted"
  }
}
