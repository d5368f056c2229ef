variable "name" {
  type = string
}

variable "log_enabled" {
  type = bool
}

resource "aws_lb" "this" {
  name    = var.name
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  access_logs {
    bucket  = "acme-lb-logs"
    prefix  = var.name
    enabled = var.log_enabled # want "aws-elb-access-logs"
  }
}
