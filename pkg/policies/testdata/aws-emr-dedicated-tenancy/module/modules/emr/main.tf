variable "name" {
  type = string
}

variable "subnet_id" {
  type = string
}

resource "aws_emr_cluster" "this" {
  name          = var.name
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = var.subnet_id # want "aws-emr-dedicated-tenancy"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}
