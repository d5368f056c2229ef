resource "aws_glacier_vault" "mrn" {
  name = "records-mrn-0012345" # want "aws-glacier-phi-in-names"
}

resource "aws_glacier_vault" "tagged" {
  name = "medical-records-vault"
  tags = { # want "aws-glacier-phi-in-names"
    member_id = "on-file"
  }
}

resource "aws_glacier_vault" "both" {
  name = "archive-(555) 234-5678" # want "aws-glacier-phi-in-names"
  tags = { # want "aws-glacier-phi-in-names"
    Contact = "+15552345678"
  }
}
