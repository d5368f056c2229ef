locals {
  types = {
    portal  = "application"
    records = "network"
    inspect = "gateway"
  }
}

# Each application and network load balancer is flagged; the gateway one is skipped.
resource "aws_lb" "each" { # want "aws-elb-access-logs" "aws-elb-access-logs"
  for_each           = local.types
  name               = each.key
  load_balancer_type = each.value
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb" "logged" {
  for_each = toset(["a", "b"])
  name     = "logged-${each.key}"
  subnets  = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  dynamic "access_logs" {
    for_each = [each.key]
    content {
      bucket  = "acme-lb-logs"
      prefix  = access_logs.value
      enabled = true
    }
  }
}
