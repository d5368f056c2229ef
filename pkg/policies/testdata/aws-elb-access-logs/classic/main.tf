resource "aws_elb" "none" { # want "aws-elb-access-logs"
  name    = "none"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

# enabled defaults to true on a Classic load balancer.
resource "aws_elb" "logged" {
  name    = "logged"
  subnets = ["subnet-0a1b2c3d"]

  access_logs {
    bucket        = "acme-lb-logs"
    bucket_prefix = "logged"
    interval      = 5
  }

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}

resource "aws_elb" "off" {
  name    = "off"
  subnets = ["subnet-0a1b2c3d"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = false # want "aws-elb-access-logs"
  }

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}
