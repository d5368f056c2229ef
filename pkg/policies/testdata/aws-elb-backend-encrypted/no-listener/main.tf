# No listener in this configuration forwards to the group (it is attached
# elsewhere): whether TLS passes through cannot be decided.
resource "aws_lb_target_group" "orphan" {
  name     = "orphan"
  port     = 443
  protocol = "TCP" # undetermined "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

# protocol is required for instance targets; the API rejects it omitted.
resource "aws_lb_target_group" "no_protocol" { # undetermined "aws-elb-backend-encrypted"
  name   = "no-protocol"
  port   = 443
  vpc_id = "vpc-0a1b2c3d"
}

# A rule on a listener passed in from outside.
variable "listener_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/net/db/50dc6c495c0c9188/f2f7dc8efc522ab2"
}

resource "aws_lb_target_group" "ruled" {
  name     = "ruled"
  port     = 443
  protocol = "TCP" # undetermined "aws-elb-backend-encrypted"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener_rule" "ruled" {
  listener_arn = var.listener_arn

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ruled.arn
  }

  condition {
    source_ip {
      values = ["10.0.0.0/8"]
    }
  }
}
