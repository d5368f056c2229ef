# aws_iam_policy_document: the statement stays readable even though its
# resources (the bucket ARN) are known only at apply.
resource "aws_s3_bucket" "phi" {
  bucket = "acme-doc"
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.phi.arn,
      "${aws_s3_bucket.phi.arn}/*",
    ]
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

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = data.aws_iam_policy_document.tls_only.json
}

# A document that merges the TLS statement through source_policy_documents passes.
resource "aws_s3_bucket" "merged" {
  bucket = "acme-merged"
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.tls_only.json]
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.merged.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_s3_bucket_policy" "merged" {
  bucket = aws_s3_bucket.merged.id
  policy = data.aws_iam_policy_document.merged.json
}

# A document whose only statement is an Allow (effect defaults to "Allow").
resource "aws_s3_bucket" "reader" {
  bucket = "acme-reader"
}

data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.reader.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_s3_bucket_policy" "reader" {
  bucket = aws_s3_bucket.reader.id
  policy = data.aws_iam_policy_document.reader.json # want "aws-s3-secure-transport"
}
