variable "policies" {
  type    = list(string)
  default = ["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-1-2021-06", "ELBSecurityPolicy-TLS-1-0-2015-04"]
}

resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_listener" "https" {
  count             = length(var.policies)
  load_balancer_arn = aws_lb.app.arn
  port              = 8440 + count.index
  protocol          = "HTTPS"
  ssl_policy        = var.policies[count.index] # want "aws-elb-tls-policy" "aws-elb-tls-policy"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}
