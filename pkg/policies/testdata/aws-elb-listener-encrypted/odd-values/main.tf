# fixture: hcl-only terraform rejects several of these values against the provider schema before it plans

# Values of unexpected shapes: no panic, and only what is definitely wrong.
resource "aws_lb" "app" {
  name               = "app"
  load_balancer_type = "APPLICATION"
  subnets            = ["subnet-0a1b2c3d"]
}

# Not a protocol the API accepts: apply fails before any traffic flows.
resource "aws_lb_listener" "numeric" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = 443

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

# An HTTP listener with no default action at all.
resource "aws_lb_listener" "no_action" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP" # want "aws-elb-listener-encrypted"
}

resource "aws_lb_listener" "empty_redirect" {
  load_balancer_arn = aws_lb.app.arn
  port              = 81
  protocol          = "HTTP" # want "aws-elb-listener-encrypted"

  default_action {
    type = "redirect"
  }
}

resource "aws_lb_listener" "empty_arn" { # undetermined "aws-elb-listener-encrypted"
  load_balancer_arn = ""
  port              = 82

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
    }
  }
}

resource "aws_elb" "odd" {
  name    = "odd"
  subnets = ["subnet-0a1b2c3d"]

  listener {
    instance_port     = 80
    instance_protocol = "HTTP"
    lb_port           = 80
  }
}
