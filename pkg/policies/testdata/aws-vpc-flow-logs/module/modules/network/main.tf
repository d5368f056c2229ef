variable "cidr" {
  type = string
}

variable "flow_logs" {
  type = bool
}

resource "aws_vpc" "this" { # want "aws-vpc-flow-logs"
  cidr_block = var.cidr
}

resource "aws_flow_log" "this" {
  count                = var.flow_logs ? 1 : 0
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ALL"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
