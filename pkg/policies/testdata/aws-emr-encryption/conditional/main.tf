# A cluster whose security configuration is chosen by a conditional: the
# chosen name decides. Two configurations sharing one name (one in a module)
# leave a literal-name cluster undetermined rather than reported.
variable "strict" {
  type    = bool
  default = true
}

resource "aws_emr_security_configuration" "strong" {
  name = "strong"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
    }
  })
}

resource "aws_emr_security_configuration" "weak" {
  name = "weak"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = false
      EnableInTransitEncryption = false
    }
  })
}

resource "aws_emr_cluster" "chosen_strong" {
  name                   = "chosen-strong"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = var.strict ? aws_emr_security_configuration.strong.name : aws_emr_security_configuration.weak.name
}

resource "aws_emr_cluster" "chosen_weak" {
  name                   = "chosen-weak"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = var.strict ? aws_emr_security_configuration.weak.name : aws_emr_security_configuration.strong.name # want "aws-emr-encryption"
}

module "other_team" {
  source = "./modules/sc"
}

# "shared" names the module's strong configuration and the root's weak one.
resource "aws_emr_security_configuration" "shared" {
  name = "shared"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = false
      EnableInTransitEncryption = true
    }
  })
}

resource "aws_emr_cluster" "ambiguous_name" {
  name                   = "ambiguous-name"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = "shared" # undetermined "aws-emr-encryption"
}
