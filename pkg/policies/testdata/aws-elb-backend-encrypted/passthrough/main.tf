# One TCP group behind two listeners: pass-through on one, terminated TLS on
# the other. The TLS one decrypts, so the group gets plaintext.
resource "aws_lb" "net" {
  name               = "net"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_target_group" "mixed" {
  name     = "mixed"
  port     = 443
  protocol = "TCP" # want "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.net.arn
  port              = 443
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.mixed.arn
  }
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.net.arn
  port              = 8443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.mixed.arn
  }
}

# UDP behind UDP: passed through.
resource "aws_lb_target_group" "dns" {
  name     = "dns"
  port     = 53
  protocol = "UDP"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "udp" {
  load_balancer_arn = aws_lb.net.arn
  port              = 53
  protocol          = "UDP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.dns.arn
  }
}
