resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

module "modern" {
  source     = "./modules/https"
  lb_arn     = aws_lb.app.arn
  port       = 443
  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

module "legacy" {
  source     = "./modules/https"
  lb_arn     = aws_lb.app.arn
  port       = 8443
  ssl_policy = "ELBSecurityPolicy-2015-05"
}

module "defaulted" {
  source = "./modules/https"
  lb_arn = aws_lb.app.arn
  port   = 9443
}
