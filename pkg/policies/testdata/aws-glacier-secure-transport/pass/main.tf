resource "aws_glacier_vault" "json" {
  name = "archive-json"
  access_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "glacier:*"
      Resource  = "arn:aws:glacier:us-east-1:111122223333:vaults/archive-json"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_glacier_vault" "heredoc" {
  name          = "archive-heredoc"
  access_policy = <<EOF2
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Principal": "*",
    "Action": "glacier:*",
    "Resource": "arn:aws:glacier:us-east-1:111122223333:vaults/archive-heredoc",
    "Condition": {"Bool": {"aws:SecureTransport": false}}
  }]
}
EOF2
}

data "aws_iam_policy_document" "tls" {
  statement {
    effect    = "Deny"
    actions   = ["glacier:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_glacier_vault" "document" {
  name          = "archive-document"
  access_policy = data.aws_iam_policy_document.tls.json
}
