resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "forward" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP" # want "aws-elb-listener-encrypted"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# An omitted protocol on an application load balancer is HTTP.
resource "aws_lb_listener" "omitted" { # want "aws-elb-listener-encrypted"
  load_balancer_arn = aws_lb.app.arn
  port              = 8080

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# The redirect protocol defaults to #{protocol}: it stays on HTTP.
resource "aws_lb_listener" "redirect_same" {
  load_balancer_arn = aws_lb.app.arn
  port              = 81
  protocol          = "HTTP" # want "aws-elb-listener-encrypted"

  default_action {
    type = "redirect"
    redirect {
      port        = "8081"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_alb_listener" "fixed" {
  load_balancer_arn = aws_lb.app.arn
  port              = 82
  protocol          = "http" # want "aws-elb-listener-encrypted"

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}

# The default action redirects, but a rule still forwards over HTTP.
resource "aws_lb_listener" "leaky" {
  load_balancer_arn = aws_lb.app.arn
  port              = 83
  protocol          = "HTTP" # want "aws-elb-listener-encrypted"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.leaky.arn
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }

  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
}
