variable "name" {
  type = string
}

variable "pitr" {
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

  point_in_time_recovery {
    enabled = var.pitr # want "aws-dynamodb-pitr"
  }
}
