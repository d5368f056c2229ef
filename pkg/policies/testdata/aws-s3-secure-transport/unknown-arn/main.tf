# jsonencode over a value known only at apply (the bucket ARN): in HCL the
# statements are still readable and the Deny passes; a plan renders the policy
# only at apply, so there it is undetermined, not a finding.
resource "aws_s3_bucket" "phi" {
  bucket = "acme-unknown-arn"
}

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({ # undetermined[plan] "aws-s3-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["${aws_s3_bucket.phi.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
