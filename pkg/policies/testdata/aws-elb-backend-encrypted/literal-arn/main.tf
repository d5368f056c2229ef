# Listeners that name the group by a literal ARN: matched by the group's name.
resource "aws_lb_target_group" "db" {
  name     = "db"
  port     = 5432
  protocol = "TCP" # want "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/db/50dc6c495c0c9188"
  port              = 5432
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/db/73e2d6bc24d8a067"
  }
}

resource "aws_lb_target_group" "cache" {
  name     = "cache"
  port     = 6379
  protocol = "TCP"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/db/50dc6c495c0c9188"
  port              = 6379
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/cache/0b1c2d3e4f5a6b7c"
  }
}
