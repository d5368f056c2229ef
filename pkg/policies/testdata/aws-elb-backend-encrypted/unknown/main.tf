# fixture: hcl-only a real plan always has values for its variables

variable "protocol" {
  type = string
}

variable "listener_protocol" {
  type = string
}

variable "target_type" {
  type = string
}

resource "aws_lb_target_group" "protocol_var" {
  name     = "protocol-var"
  port     = 443
  protocol = var.protocol # undetermined "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_target_group" "target_type_var" {
  name        = "target-type-var"
  target_type = var.target_type # undetermined "aws-elb-backend-encrypted"
}

resource "aws_lb" "net" {
  name               = "net"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_target_group" "tcp" {
  name     = "tcp"
  port     = 443
  protocol = "TCP" # undetermined "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = aws_lb.net.arn
  port              = 443
  protocol          = var.listener_protocol

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

resource "aws_elb" "classic" {
  name    = "classic"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port      = 8443
    instance_protocol  = var.protocol # undetermined "aws-elb-backend-encrypted"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  }
}
