resource "aws_elb" "each" {
  for_each = toset(["portal", "records"])
  name     = each.key
  subnets  = ["subnet-0a1b2c3d"]

  listener { # want "aws-elb-tls-policy"
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

# Only the portal load balancer gets a TLS 1.2 policy.
resource "aws_lb_ssl_negotiation_policy" "portal" {
  name          = "portal-tls12"
  load_balancer = aws_elb.each["portal"].id
  lb_port       = 443

  attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}
