variable "lb_arn" {
  type = string
}

variable "port" {
  type = number
}

variable "ssl_policy" {
  type    = string
  default = null
}

resource "aws_lb_listener" "this" { # want "aws-elb-tls-policy"
  load_balancer_arn = var.lb_arn
  port              = var.port
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy # want "aws-elb-tls-policy"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}
