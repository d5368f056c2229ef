resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

module "secure" {
  source   = "./modules/tg"
  name     = "secure"
  lb_arn   = aws_lb.app.arn
  protocol = "HTTPS"
}

module "plain" {
  source   = "./modules/tg"
  name     = "plain"
  lb_arn   = aws_lb.app.arn
  protocol = "HTTP"
}
