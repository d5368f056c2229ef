# TCP on a network load balancer passes TLS through (the paper's second
# architecture): not a finding, but not verifiable either.
resource "aws_lb" "net" {
  name               = "net"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_target_group" "tcp" {
  name     = "tcp"
  port     = 443
  protocol = "TCP"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.net.arn
  port              = 443
  protocol          = "TCP" # undetermined "aws-elb-listener-encrypted"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

# A network load balancer listener needs a protocol; which one is not known.
resource "aws_lb_listener" "no_protocol" { # undetermined "aws-elb-listener-encrypted"
  load_balancer_arn = aws_lb.net.arn
  port              = 8443

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}
