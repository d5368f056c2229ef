resource "aws_elb" "bare" {
  name    = "bare"
  subnets = ["subnet-0a1b2c3d"]

  # No SSL negotiation policy on 443: ELBSecurityPolicy-2016-08.
  listener { # want "aws-elb-tls-policy"
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

resource "aws_elb" "legacy" {
  name    = "legacy"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  # A policy on another port does not cover 8443.
  listener { # want "aws-elb-tls-policy"
    instance_port      = 8443
    instance_protocol  = "ssl"
    lb_port            = 8443
    lb_protocol        = "ssl"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

resource "aws_load_balancer_policy" "legacy" {
  load_balancer_name = aws_elb.legacy.name
  policy_name        = "legacy-ssl"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-2016-08" # want "aws-elb-tls-policy"
  }
}

resource "aws_load_balancer_listener_policy" "legacy_443" {
  load_balancer_name = aws_elb.legacy.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.legacy.policy_name]
}

resource "aws_elb" "custom" {
  name    = "custom"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

resource "aws_lb_ssl_negotiation_policy" "custom" {
  name          = "custom-ssl"
  load_balancer = aws_elb.custom.id
  lb_port       = 443

  attribute {
    name  = "Protocol-TLSv1"
    value = "true" # want "aws-elb-tls-policy"
  }

  attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
}
