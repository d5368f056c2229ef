resource "aws_vpc" "shared" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_emr_cluster" "shared_vpc" {
  name          = "shared-vpc"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes {
    subnet_id        = aws_subnet.shared.id # want "aws-emr-dedicated-tenancy"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}

# No subnet: the default VPC.
resource "aws_emr_cluster" "no_subnet" {
  name          = "no-subnet"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"

  ec2_attributes { # want "aws-emr-dedicated-tenancy"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
}

resource "aws_emr_cluster" "no_ec2_attributes" { # want "aws-emr-dedicated-tenancy"
  name          = "no-ec2-attributes"
  release_label = "emr-7.1.0"
  service_role  = "arn:aws:iam::123456789012:role/emr"
}
