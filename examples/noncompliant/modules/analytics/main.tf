variable "name" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

# EMR: a security configuration that turns both encryptions off
# (aws-emr-encryption); the cluster runs in a shared-tenancy VPC
# (aws-emr-dedicated-tenancy).
resource "aws_emr_security_configuration" "this" {
  name = "${var.name}-emr"

  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = false
      EnableInTransitEncryption = false
    }
  })
}

resource "aws_emr_cluster" "this" {
  name                   = "${var.name}-emr"
  release_label          = "emr-7.2.0"
  applications           = ["Spark"]
  service_role           = "EMR_DefaultRole"
  security_configuration = aws_emr_security_configuration.this.name

  ec2_attributes {
    subnet_id        = var.subnet_id
    instance_profile = "EMR_EC2_DefaultRole"
  }

  master_instance_group {
    instance_type = "m6i.xlarge"
  }

  core_instance_group {
    instance_type  = "m6i.xlarge"
    instance_count = 2
  }

  tags = var.tags
}
