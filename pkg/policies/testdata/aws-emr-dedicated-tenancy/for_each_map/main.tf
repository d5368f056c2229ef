# fixture: hcl-only a plan lists only each.value as the reference, and Terraform's configuration has no locals to follow it through
resource "aws_vpc" "shared" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.1.1.0/24"
}

# for_each over a map whose values are subnet ids known only after apply:
# the keys are known, so there is one cluster per key.
locals {
  cluster_subnets = {
    ads       = aws_subnet.shared.id
    marketing = aws_subnet.shared.id
  }
}

resource "aws_emr_cluster" "by_map" {
  for_each      = local.cluster_subnets
  name          = each.key
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = each.value # want "aws-emr-dedicated-tenancy" "aws-emr-dedicated-tenancy"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}
