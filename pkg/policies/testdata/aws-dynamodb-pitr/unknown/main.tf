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

variable "recovery" {
  type = list(bool)
}

resource "aws_dynamodb_table" "dynamic_block" {
  name         = "claims"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "point_in_time_recovery" { # undetermined "aws-dynamodb-pitr"
    for_each = var.recovery
    content {
      enabled = point_in_time_recovery.value
    }
  }
}
