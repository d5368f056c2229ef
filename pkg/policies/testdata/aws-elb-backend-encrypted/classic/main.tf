resource "aws_elb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port      = 8080
    instance_protocol  = "http" # want "aws-elb-backend-encrypted"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  listener {
    instance_port      = 5432
    instance_protocol  = "TCP" # want "aws-elb-backend-encrypted"
    lb_port            = 5432
    lb_protocol        = "SSL"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_port            = 8443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }

  # Pass-through, and plain HTTP in front (the listener rule's concern).
  listener {
    instance_port     = 6443
    instance_protocol = "tcp"
    lb_port           = 6443
    lb_protocol       = "tcp"
  }

  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
