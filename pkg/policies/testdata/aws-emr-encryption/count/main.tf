resource "aws_emr_security_configuration" "phi" {
  name = "phi"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
    }
  })
}

resource "aws_emr_cluster" "encrypted" {
  for_each               = toset(["clinical", "research"])
  name                   = each.key
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = aws_emr_security_configuration.phi.name
}

resource "aws_emr_cluster" "plain" { # want "aws-emr-encryption" "aws-emr-encryption"
  count         = 2
  name          = "plain-${count.index}"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"
}
