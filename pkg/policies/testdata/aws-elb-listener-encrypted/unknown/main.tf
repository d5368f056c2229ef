# fixture: hcl-only a real plan always has values for its variables

variable "protocol" {
  type = string
}

variable "lb_arn" {
  type = string
}

variable "actions" {
  type = list(object({ type = string }))
}

resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_listener" "protocol_var" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = var.protocol # undetermined "aws-elb-listener-encrypted"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

# The load balancer's type decides the default protocol.
resource "aws_lb_listener" "lb_var" { # undetermined "aws-elb-listener-encrypted"
  load_balancer_arn = var.lb_arn
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "dynamic_actions" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP" # undetermined "aws-elb-listener-encrypted"

  dynamic "default_action" {
    for_each = var.actions
    content {
      type = default_action.value.type
    }
  }
}
