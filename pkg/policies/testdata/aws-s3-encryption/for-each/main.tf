locals {
  buckets = {
    intake  = true
    archive = true
    exports = false
  }
}

# for_each over both: each configuration names its own instance by key; the
# "exports" bucket has none.
resource "aws_s3_bucket" "b" { # want "aws-s3-encryption"
  for_each = local.buckets
  bucket   = "acme-${each.key}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  for_each = { for k, v in local.buckets : k => v if v }
  bucket   = aws_s3_bucket.b[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
