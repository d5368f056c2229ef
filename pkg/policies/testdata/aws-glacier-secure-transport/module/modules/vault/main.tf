variable "name" {
  type = string
}

variable "tls_only" {
  type = bool
}

locals {
  statements = {
    tls = {
      Effect    = "Deny"
      Principal = "*"
      Action    = "glacier:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }
    delete = {
      Effect    = "Deny"
      Principal = "*"
      Action    = "glacier:DeleteArchive"
      Resource  = "*"
      Condition = { StringNotLike = { "aws:PrincipalArn" = "arn:aws:iam::111122223333:role/admin" } }
    }
  }
}

resource "aws_glacier_vault" "this" {
  name = var.name
  access_policy = jsonencode({ # want "aws-glacier-secure-transport"
    Version   = "2012-10-17"
    Statement = [local.statements[var.tls_only ? "tls" : "delete"]]
  })
}
