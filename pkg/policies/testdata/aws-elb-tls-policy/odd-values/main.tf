# fixture: hcl-only terraform rejects several of these values against the provider schema before it plans

# Values of unexpected shapes: no panic, and only what is definitely wrong.
resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d"]
}

# An empty ssl_policy is not sent to the API, which then applies its default.
resource "aws_lb_listener" "empty_policy" { # want "aws-elb-tls-policy"
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "https"
  ssl_policy        = ""

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "list_policy" {
  load_balancer_arn = aws_lb.app.arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = ["ELBSecurityPolicy-TLS13-1-2-2021-06"] # undetermined "aws-elb-tls-policy"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_elb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d"]

  # A port written as a string still matches the policy's number.
  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = "443"
    lb_protocol        = "HTTPS"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

resource "aws_lb_ssl_negotiation_policy" "web" {
  name          = "web"
  load_balancer = aws_elb.web.name
  lb_port       = 443

  attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }

  attribute {
    name = "Protocol-TLSv1"
  }
}

resource "aws_load_balancer_policy" "no_type" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "no-type"
  policy_type_name   = ""
}

resource "aws_load_balancer_listener_policy" "none" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = []
}
