resource "aws_elb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  listener {
    instance_port      = 9443
    instance_protocol  = "ssl"
    lb_port            = 9443
    lb_protocol        = "ssl"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

# Attached by reference.
resource "aws_load_balancer_policy" "tls12" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "tls12"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "web_443" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls12.policy_name]
}

# Attached by literal names, with a custom policy that turns old protocols off.
resource "aws_lb_ssl_negotiation_policy" "web_9443" {
  name          = "web-9443"
  load_balancer = "web"
  lb_port       = 9443

  attribute {
    name  = "Protocol-SSLv3"
    value = "false"
  }

  attribute {
    name  = "Protocol-TLSv1"
    value = "false"
  }

  attribute {
    name  = "Protocol-TLSv1.1"
    value = "false"
  }

  attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }

  attribute {
    name  = "ECDHE-RSA-AES128-GCM-SHA256"
    value = "true"
  }
}

# A second load balancer whose policy is attached by literal names only.
resource "aws_elb" "api" {
  name    = "api"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

resource "aws_load_balancer_policy" "api_tls12" {
  load_balancer_name = "api"
  policy_name        = "api-tls12"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "api_443" {
  load_balancer_name = "api"
  load_balancer_port = 443
  policy_names       = ["api-tls12"]
}

# Policies of other types are not this rule's concern.
resource "aws_load_balancer_policy" "stickiness" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "sticky"
  policy_type_name   = "LBCookieStickinessPolicyType"

  policy_attribute {
    name  = "CookieExpirationPeriod"
    value = "3600"
  }
}
