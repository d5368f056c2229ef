resource "aws_vpc" "emr" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_subnet" "emr" {
  count      = 2
  vpc_id     = aws_vpc.emr.id
  cidr_block = "10.0.${count.index}.0/24"
}

resource "aws_emr_cluster" "groups" {
  name          = "groups"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = aws_subnet.emr[0].id
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}

# Instance fleets take a list of subnets.
resource "aws_emr_cluster" "fleets" {
  name          = "fleets"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_ids       = aws_subnet.emr[*].id
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}
