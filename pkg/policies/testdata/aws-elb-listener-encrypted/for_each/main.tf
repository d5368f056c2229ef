locals {
  fronts = {
    portal   = "HTTPS"
    intranet = "HTTP"
  }
}

resource "aws_lb" "each" {
  for_each = local.fronts
  name     = each.key
  subnets  = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "front" {
  for_each          = local.fronts
  load_balancer_arn = aws_lb.each[each.key].arn
  port              = each.value == "HTTPS" ? 443 : 80
  protocol          = each.value # want "aws-elb-listener-encrypted"
  ssl_policy        = each.value == "HTTPS" ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# Omitted protocol: a required argument left out on a network load balancer.
resource "aws_lb" "net" {
  for_each           = toset(["a", "b"])
  name               = "net-${each.key}"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_listener" "net" { # undetermined "aws-elb-listener-encrypted" "aws-elb-listener-encrypted"
  for_each          = aws_lb.net
  load_balancer_arn = each.value.arn
  port              = 8080

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
