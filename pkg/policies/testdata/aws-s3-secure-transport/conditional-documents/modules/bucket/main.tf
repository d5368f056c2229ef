variable "name" {
  type = string
}

variable "deny_insecure" {
  type = bool
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

data "aws_iam_policy_document" "deny_insecure" {
  count = var.deny_insecure ? 1 : 0
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["_BUCKET_ARN_/*"]
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

data "aws_iam_policy_document" "audit" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["_BUCKET_ARN_/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/auditor"]
    }
  }
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents = compact([
    var.deny_insecure ? data.aws_iam_policy_document.deny_insecure[0].json : "",
    data.aws_iam_policy_document.audit.json,
  ])
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = replace(data.aws_iam_policy_document.combined.json, "_BUCKET_ARN_", aws_s3_bucket.this.arn) # undetermined "aws-s3-secure-transport"
}
