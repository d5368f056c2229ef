locals {
  indexes = {
    email  = "patient_email"
    status = "visit_status"
  }
}

resource "aws_dynamodb_table" "visits" {
  name     = "visits"
  hash_key = "visit_id"

  attribute {
    name = "visit_id"
    type = "S"
  }

  dynamic "attribute" {
    for_each = local.indexes
    content {
      name = attribute.value
      type = "S"
    }
  }

  dynamic "global_secondary_index" {
    for_each = local.indexes
    content {
      name            = "by-${global_secondary_index.key}"
      hash_key        = global_secondary_index.value # want "aws-dynamodb-phi-in-keys"
      projection_type = "KEYS_ONLY"
    }
  }
}
