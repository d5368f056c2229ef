# One module, two calls: the module's cluster uses the security configuration
# its caller passes; only the call with a weak one is reported.
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

module "clinical" {
  source                 = "./modules/emr"
  name                   = "clinical"
  security_configuration = aws_emr_security_configuration.strong.name
}

module "marketing" {
  source                 = "./modules/emr"
  name                   = "marketing"
  security_configuration = aws_emr_security_configuration.weak.name
}
