locals {
  networks = {
    prod = "10.4.0.0/16"
    dev  = "10.5.0.0/16"
    lab  = "10.6.0.0/16"
  }
}

resource "aws_vpc" "v" { # want "aws-vpc-flow-logs"
  for_each   = local.networks
  cidr_block = each.value
}

# Flow logs for every VPC but "lab", each naming its VPC by key.
resource "aws_flow_log" "v" {
  for_each             = toset(["prod", "dev"])
  vpc_id               = aws_vpc.v[each.key].id
  traffic_type         = "ALL"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
