# fixture: hcl-only a real plan always has a value for var.vpc_id
variable "vpc_id" {
  type = string
}

resource "aws_vpc" "main" { # undetermined "aws-vpc-flow-logs"
  cidr_block = "10.2.0.0/16"
}

resource "aws_flow_log" "maybe" {
  vpc_id               = var.vpc_id
  traffic_type         = "ALL"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
