# A partly known jsonencode policy with no Deny in sight: the unknown parts
# could hold it, so this is undetermined, never a finding.
resource "aws_s3_bucket" "phi" {
  bucket = "acme-partial-policy"
}

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({ # undetermined "aws-s3-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:GetObject"
      Resource  = ["${aws_s3_bucket.phi.arn}/*"]
    }]
  })
}
