resource "aws_kms_key" "dynamodb" {
  description         = "DynamoDB tables"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "customer_key" {
  name         = "visits"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "visit_id"

  attribute {
    name = "visit_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}

# The AWS-managed aws/dynamodb key is a KMS key in the account: auditable.
resource "aws_dynamodb_table" "aws_managed" {
  name         = "claims"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "claim_id"

  attribute {
    name = "claim_id"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}
