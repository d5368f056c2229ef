locals {
  contacts = ["jane.doe@gmail.com", "john.roe@yahoo.com"]
}

resource "aws_glacier_vault" "per_contact" {
  count = length(local.contacts)
  name  = "vault-${count.index}"
  tags = { # want "aws-glacier-phi-in-names" "aws-glacier-phi-in-names"
    Notify = local.contacts[count.index]
  }
}
