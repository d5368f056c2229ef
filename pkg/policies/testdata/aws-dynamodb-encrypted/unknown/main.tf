# fixture: hcl-only a real plan always has a value for var.encrypt

variable "encrypt" {
  type = bool
}

resource "aws_dynamodb_table" "from_var" {
  name         = "visits"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = var.encrypt # undetermined "aws-dynamodb-encrypted"
  }
}
