resource "aws_lb" "app" {
  name               = "app"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb" "net" {
  name               = "net"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

resource "aws_lb" "gwy" {
  name               = "gwy"
  load_balancer_type = "gateway"
  subnets            = ["subnet-0a1b2c3d"]
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_target_group" "appliances" {
  name     = "appliances"
  port     = 6081
  protocol = "GENEVE"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_listener" "redirect" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

# A rule that only redirects keeps the listener clean.
resource "aws_lb_listener_rule" "legacy" {
  listener_arn = aws_lb_listener.redirect.arn

  action {
    type = "redirect"
    redirect {
      host        = "portal.example.com"
      protocol    = "HTTPS"
      status_code = "HTTP_302"
    }
  }

  condition {
    path_pattern {
      values = ["/old/*"]
    }
  }
}

resource "aws_alb_listener" "tls" {
  load_balancer_arn = aws_lb.net.arn
  port              = 443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# Gateway load balancer listeners have no protocol.
resource "aws_lb_listener" "gwy" {
  load_balancer_arn = aws_lb.gwy.id

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.appliances.id
  }
}
