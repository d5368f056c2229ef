variable "name" {
  type = string
}

variable "lb_arn" {
  type = string
}

variable "protocol" {
  type = string
}

resource "aws_lb_target_group" "this" {
  name     = var.name
  port     = var.protocol == "HTTPS" ? 443 : 80
  protocol = var.protocol # want "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "this" {
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}
