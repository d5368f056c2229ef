variable "suffix" {
  type = string
}

resource "aws_glacier_vault" "this" {
  name = "archive-${var.suffix}" # want "aws-glacier-phi-in-names"
}
