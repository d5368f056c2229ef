# fixture: hcl-only a real plan always has values for the variables

variable "kms_key_id" {
  type = string
}

resource "aws_ebs_volume" "from_var" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = var.kms_key_id # undetermined "aws-ebs-customer-key"
}

# Restored from a snapshot outside the configuration: it keeps that snapshot's key.
resource "aws_ebs_volume" "restored" {
  availability_zone = "us-east-1a"
  snapshot_id       = "snap-0123456789abcdef0" # undetermined "aws-ebs-customer-key"
}
