# for_each over subnets in two VPCs: only the shared ones are reported.
resource "aws_vpc" "phi" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_vpc" "shared" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "phi" {
  vpc_id     = aws_vpc.phi.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_emr_cluster" "phi" {
  for_each      = toset(["clinical", "research"])
  name          = each.key
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = aws_subnet.phi.id
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}

resource "aws_emr_cluster" "shared" {
  count         = 2
  name          = "shared-${count.index}"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = aws_subnet.shared.id # want "aws-emr-dedicated-tenancy" "aws-emr-dedicated-tenancy"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}
