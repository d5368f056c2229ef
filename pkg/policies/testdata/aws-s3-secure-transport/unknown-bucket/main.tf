# fixture: hcl-only a real plan always has a value for var.target
variable "target" {
  type = string
}

resource "aws_s3_bucket" "maybe" { # undetermined "aws-s3-secure-transport"
  bucket = "acme-unknown-target"
}

resource "aws_s3_bucket_policy" "somewhere" {
  bucket = var.target
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
