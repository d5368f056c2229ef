# Two vaults by count; only [0] gets the TLS statement.
resource "aws_glacier_vault" "v" {
  count = 2
  name  = "archive-count-${count.index}"
  access_policy = jsonencode({ # want "aws-glacier-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "glacier:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = count.index == 0 ? "false" : "true" } }
    }]
  })
}
