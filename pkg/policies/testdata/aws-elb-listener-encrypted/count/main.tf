resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "edge" {
  count             = 3
  load_balancer_arn = aws_lb.app.arn
  port              = 8000 + count.index
  protocol          = count.index == 0 ? "HTTPS" : "HTTP" # want "aws-elb-listener-encrypted" "aws-elb-listener-encrypted"
  ssl_policy        = count.index == 0 ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
