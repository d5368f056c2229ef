# A flow log on one subnet covers only that subnet: the VPC still fails, and
# the message says the VPC has partial flow logs.
resource "aws_vpc" "main" { # want "aws-vpc-flow-logs"
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_flow_log" "app" {
  subnet_id            = aws_subnet.app.id
  traffic_type         = "ALL"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
