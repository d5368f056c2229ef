resource "aws_lb" "net" {
  name               = "net"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_target_group" "svc" {
  count    = 2
  name     = "svc-${count.index}"
  port     = 9000 + count.index
  protocol = "TCP" # want "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

# Listener 0 passes TLS through; listener 1 terminates it.
resource "aws_lb_listener" "svc" {
  count             = 2
  load_balancer_arn = aws_lb.net.arn
  port              = 9000 + count.index
  protocol          = count.index == 0 ? "TCP" : "TLS"
  ssl_policy        = count.index == 0 ? null : "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = count.index == 0 ? null : "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.svc[count.index].arn
  }
}
