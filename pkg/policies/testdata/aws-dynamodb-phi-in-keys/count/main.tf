variable "keys" {
  type    = list(string)
  default = ["ssn", "visit_id", "dob"]
}

resource "aws_dynamodb_table" "per_key" {
  count    = length(var.keys)
  name     = "table-${count.index}"
  hash_key = var.keys[count.index] # want "aws-dynamodb-phi-in-keys" "aws-dynamodb-phi-in-keys"

  attribute {
    name = var.keys[count.index]
    type = "S"
  }
}
