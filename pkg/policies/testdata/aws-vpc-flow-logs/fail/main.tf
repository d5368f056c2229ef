resource "aws_vpc" "main" { # want "aws-vpc-flow-logs"
  cidr_block = "10.0.0.0/16"
}

# A flow log on an existing VPC (a literal id) is not one for aws_vpc.main.
resource "aws_flow_log" "existing" {
  vpc_id          = "vpc-0123456789abcdef0"
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
