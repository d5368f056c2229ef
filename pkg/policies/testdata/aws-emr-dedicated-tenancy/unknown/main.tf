# fixture: hcl-only a real plan always has a value for var.subnet_id

variable "subnet_id" {
  type = string
}

resource "aws_emr_cluster" "from_var" {
  name          = "from-var"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = var.subnet_id # undetermined "aws-emr-dedicated-tenancy"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}

# A subnet named by literal id is outside the configuration.
resource "aws_emr_cluster" "literal" {
  name          = "literal"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = "subnet-0123456789abcdef0" # undetermined "aws-emr-dedicated-tenancy"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}
