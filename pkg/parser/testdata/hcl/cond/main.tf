variable "enabled" {
  default = false
}

data "aws_iam_policy_document" "deny" {
  count = var.enabled ? 1 : 0
}

data "aws_iam_policy_document" "reader" {}

resource "aws_kms_key" "k" {}

data "aws_iam_policy_document" "merged" {
  source_policy_documents = compact([
    var.enabled ? data.aws_iam_policy_document.deny[0].json : "",
    data.aws_iam_policy_document.reader.json,
  ])
}

resource "aws_ebs_volume" "v" {
  kms_key_id = var.enabled ? "alias/aws/ebs" : aws_kms_key.k.arn
  unknown    = timestamp() == "" ? aws_kms_key.k.id : "x"
}
