locals {
  names = toset(["intake", "archive"])
  conditions = {
    intake  = { Bool = { "aws:SecureTransport" = "false" } }
    archive = { StringNotEquals = { "aws:SourceVpce" = "vpce-1a2b3c4d" } }
  }
}

resource "aws_s3_bucket" "b" {
  for_each = local.names
  bucket   = "acme-fe-${each.key}"
}

# One policy per bucket; the "archive" one forgets the condition.
resource "aws_s3_bucket_policy" "b" {
  for_each = local.names
  bucket   = aws_s3_bucket.b[each.key].id
  policy = jsonencode({ # want "aws-s3-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::acme-fe-${each.key}/*"
      Condition = local.conditions[each.key]
    }]
  })
}
