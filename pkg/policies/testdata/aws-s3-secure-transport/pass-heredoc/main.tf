resource "aws_s3_bucket" "phi" {
  bucket = "acme-heredoc"
}

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyInsecureTransport",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "s3:*",
      "Resource": ["arn:aws:s3:::acme-heredoc", "arn:aws:s3:::acme-heredoc/*"],
      "Condition": {"Bool": {"aws:SecureTransport": "false"}}
    }
  ]
}
POLICY
}

resource "aws_s3_bucket" "heredoc_allow" {
  bucket = "acme-heredoc-allow"
}

resource "aws_s3_bucket_policy" "heredoc_allow" {
  bucket = aws_s3_bucket.heredoc_allow.id
  policy = ( # want "aws-s3-secure-transport"
    <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-heredoc-allow/*"}
      ]
    }
    POLICY
  )
}
