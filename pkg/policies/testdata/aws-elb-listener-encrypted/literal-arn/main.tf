# Load balancers outside the configuration, named by a literal ARN whose
# app/, net/ part gives their type.
resource "aws_lb_listener" "app_default" { # want "aws-elb-listener-encrypted"
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "net_tcp" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/db/50dc6c495c0c9188"
  port              = 5432
  protocol          = "TCP" # undetermined "aws-elb-listener-encrypted"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/db/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "gwy_default" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/gwy/inspect/50dc6c495c0c9188"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/inspect/73e2d6bc24d8a067"
  }
}

# A load balancer from a data source: its type is not known here.
data "aws_lb" "shared" {
  name = "shared"
}

resource "aws_lb_listener" "shared_default" { # undetermined "aws-elb-listener-encrypted"
  load_balancer_arn = data.aws_lb.shared.arn
  port              = 8080

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "shared_http" {
  load_balancer_arn = data.aws_lb.shared.arn
  port              = 80
  protocol          = "HTTP" # want "aws-elb-listener-encrypted"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}
