# fixture: hcl-only a real plan always has values for its variables

variable "ssl_policy" {
  type = string
}

variable "protocol" {
  type = string
}

variable "port" {
  type = number
}

resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_listener" "policy_var" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy # undetermined "aws-elb-tls-policy"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "protocol_var" {
  load_balancer_arn = aws_lb.app.arn
  port              = 8443
  protocol          = var.protocol # undetermined "aws-elb-tls-policy"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_elb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d"]

  listener { # undetermined "aws-elb-tls-policy"
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

resource "aws_lb_ssl_negotiation_policy" "somewhere" {
  name          = "somewhere"
  load_balancer = aws_elb.web.id
  lb_port       = var.port

  attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}
