# fixture: hcl-only a real plan always has values for its variables

variable "enabled" {
  type = bool
}

variable "type" {
  type = string
}

variable "log_targets" {
  type = list(string)
}

resource "aws_lb" "enabled_var" {
  name    = "enabled-var"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = var.enabled # undetermined "aws-elb-access-logs"
  }
}

# A gateway load balancer would need no logs.
resource "aws_lb" "type_var" {
  name               = "type-var"
  load_balancer_type = var.type # undetermined "aws-elb-access-logs"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb" "dynamic_logs" { # undetermined "aws-elb-access-logs"
  name    = "dynamic-logs"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  dynamic "access_logs" {
    for_each = var.log_targets
    content {
      bucket  = access_logs.value
      enabled = true
    }
  }
}
