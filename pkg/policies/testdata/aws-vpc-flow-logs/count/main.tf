# Two VPCs by count, a flow log for [0] only.
resource "aws_vpc" "v" { # want "aws-vpc-flow-logs"
  count      = 2
  cidr_block = "10.${count.index}.0.0/16"
}

resource "aws_flow_log" "v0" {
  vpc_id               = aws_vpc.v[0].id
  traffic_type         = "ALL"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
