resource "aws_emr_security_configuration" "this" {
  name = "shared"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
    }
  })
}
