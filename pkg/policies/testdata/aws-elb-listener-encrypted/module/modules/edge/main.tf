variable "lb_arn" {
  type = string
}

variable "port" {
  type = number
}

variable "protocol" {
  type = string
}

resource "aws_lb_target_group" "this" {
  name     = "edge-${var.port}"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "this" {
  load_balancer_arn = var.lb_arn
  port              = var.port
  protocol          = var.protocol # want "aws-elb-listener-encrypted"
  ssl_policy        = var.protocol == "HTTPS" ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null
  certificate_arn   = var.protocol == "HTTPS" ? "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666" : null

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

# The load balancer's type reaches the module through var.lb_arn: an omitted
# protocol is HTTP on both calls.
resource "aws_lb_listener" "admin" { # want "aws-elb-listener-encrypted" "aws-elb-listener-encrypted"
  load_balancer_arn = var.lb_arn
  port              = var.port + 1000

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}
