# The terraform-aws-modules/s3-bucket shape: documents created by count behind
# flags, merged with compact([flag ? doc[0].json : "", ...]), and placeholders
# replaced with the bucket ARN in the final policy.
module "tls" {
  source        = "./modules/bucket"
  name          = "acme-cond-tls"
  deny_insecure = true
}

# Only the audit statement is merged; the bucket ARN substituted into the JSON
# is known only at apply, so whether more was added cannot be read: undetermined.
module "audit" {
  source        = "./modules/bucket"
  name          = "acme-cond-audit"
  deny_insecure = false
}

# Without substitution, and with a list whose length is known, the merged
# documents are the whole policy: a finding. (compact() over values known only
# at apply hides what the list holds besides the documents: undetermined.)
variable "deny_insecure" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "plain" {
  bucket = "acme-cond-plain"
}

data "aws_iam_policy_document" "deny_insecure" {
  count = var.deny_insecure ? 1 : 0
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::acme-cond-plain/*"]
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

data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-cond-plain/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/auditor"]
    }
  }
}

data "aws_iam_policy_document" "plain" {
  source_policy_documents = var.deny_insecure ? [
    data.aws_iam_policy_document.deny_insecure[0].json,
    data.aws_iam_policy_document.reader.json,
  ] : [data.aws_iam_policy_document.reader.json]
}

resource "aws_s3_bucket_policy" "plain" {
  bucket = aws_s3_bucket.plain.id
  policy = data.aws_iam_policy_document.plain.json # want "aws-s3-secure-transport"
}
