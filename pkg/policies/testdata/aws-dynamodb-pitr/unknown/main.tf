# fixture: hcl-only a real plan always has a value for var.pitr

variable "pitr" {
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

  point_in_time_recovery {
    enabled = var.pitr # undetermined "aws-dynamodb-pitr"
  }
}
