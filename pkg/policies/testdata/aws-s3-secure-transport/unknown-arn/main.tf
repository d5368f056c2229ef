# jsonencode over a value known only at apply (the bucket ARN) renders only at
# apply, in HCL as in a plan: undetermined, not a finding.
resource "aws_s3_bucket" "phi" {
  bucket = "acme-unknown-arn"
}

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({ # undetermined "aws-s3-secure-transport"
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
