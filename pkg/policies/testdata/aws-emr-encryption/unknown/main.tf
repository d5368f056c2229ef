# fixture: hcl-only a real plan always has a value for var.in_transit

variable "in_transit" {
  type = bool
}

resource "aws_emr_security_configuration" "from_var" {
  name = "from-var"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = var.in_transit
    }
  })
}

resource "aws_emr_cluster" "from_var" {
  name                   = "from-var"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = aws_emr_security_configuration.from_var.name # undetermined "aws-emr-encryption"
}

# A security configuration managed elsewhere.
resource "aws_emr_cluster" "elsewhere" {
  name                   = "elsewhere"
  release_label          = "emr-7.1.0"
  service_role           = "arn:aws:iam::123456789012:role/emr"
  security_configuration = "managed-by-another-team" # undetermined "aws-emr-encryption"
}
