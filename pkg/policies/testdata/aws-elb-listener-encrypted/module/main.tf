resource "aws_lb" "main" {
  name    = "main"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

module "secure" {
  source   = "./modules/edge"
  lb_arn   = aws_lb.main.arn
  port     = 443
  protocol = "HTTPS"
}

module "plain" {
  source   = "./modules/edge"
  lb_arn   = aws_lb.main.arn
  port     = 80
  protocol = "HTTP"
}
