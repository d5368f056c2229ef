locals {
  groups = {
    api    = "HTTPS"
    static = "HTTP"
    batch  = "HTTP"
  }
}

resource "aws_lb_target_group" "each" {
  for_each = local.groups
  name     = each.key
  port     = each.value == "HTTPS" ? 443 : 80
  protocol = each.value # want "aws-elb-backend-encrypted" "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}
