# A custom policy that leaves an old protocol unset: its default cannot be
# verified statically.
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
}

resource "aws_load_balancer_policy" "partial" { # undetermined "aws-elb-tls-policy"
  load_balancer_name = aws_elb.web.name
  policy_name        = "partial"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }

  policy_attribute {
    name  = "ECDHE-ECDSA-AES128-GCM-SHA256"
    value = "true"
  }
}

resource "aws_load_balancer_listener_policy" "web_443" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.partial.policy_name]
}

# A predefined policy named directly in policy_names: not judged here.
resource "aws_elb" "direct" {
  name    = "direct"
  subnets = ["subnet-0a1b2c3d"]

  listener { # undetermined "aws-elb-tls-policy"
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

resource "aws_load_balancer_listener_policy" "direct_443" {
  load_balancer_name = aws_elb.direct.name
  load_balancer_port = 443
  policy_names       = ["ELBSecurityPolicy-TLS-1-2-2017-01"]
}
