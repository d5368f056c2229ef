# An S3 bucket as the AWS provider v4+ writes it: encryption, versioning,
# logging and the TLS-only policy each in their own resource, each of which
# the caller can switch off (and the non-compliant stack does).

variable "name" {
  type = string
}

variable "sse_algorithm" {
  type        = string
  default     = "aws:kms"
  description = "null leaves the bucket without an encryption configuration (aws-s3-encryption)."
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "access_log_bucket" {
  type        = string
  default     = null
  description = "Bucket that receives this bucket's server access logs; null logs nowhere (aws-s3-access-logging)."
}

variable "is_log_target" {
  type        = bool
  default     = false
  description = "The bucket receives other buckets' access logs (and so logs nowhere itself)."
}

variable "versioning_status" {
  type        = string
  default     = "Enabled"
  description = "\"Suspended\" keeps no earlier versions (aws-s3-versioning)."
}

variable "tls_only" {
  type        = bool
  default     = true
  description = "false leaves out the policy that denies plain HTTP (aws-s3-secure-transport)."
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.sse_algorithm == null ? 0 : 1
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.sse_algorithm == "aws:kms"
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = var.versioning_status
  }
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.is_log_target || var.access_log_bucket == null ? 0 : 1
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.access_log_bucket
  target_prefix = "${var.name}/"
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.this.arn,
      "${aws_s3_bucket.this.arn}/*",
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

resource "aws_s3_bucket_policy" "this" {
  count  = var.tls_only ? 1 : 0
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.tls_only.json
}

output "id" {
  value = aws_s3_bucket.this.id
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
