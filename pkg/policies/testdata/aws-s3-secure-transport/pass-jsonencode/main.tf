resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
}

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::acme-phi", "arn:aws:s3:::acme-phi/*"]
        Condition = { Bool = { "aws:SecureTransport" = false } }
      },
    ]
  })
}

# Wired by literal name; a single statement object and BoolIfExists.
resource "aws_s3_bucket" "by_name" {
  bucket = "acme-by-name"
}

resource "aws_s3_bucket_policy" "by_name" {
  bucket = "acme-by-name"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::acme-by-name/*"
      Condition = { BoolIfExists = { "aws:SecureTransport" = ["false"] } }
    }
  })
}
