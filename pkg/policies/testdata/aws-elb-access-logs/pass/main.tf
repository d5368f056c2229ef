resource "aws_s3_bucket" "logs" {
  bucket = "acme-lb-logs"
}

resource "aws_lb" "app" {
  name    = "app"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = "app"
    enabled = true
  }
}

resource "aws_alb" "net" {
  name               = "net"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = "true"
  }
}

# Gateway load balancers have no access logs.
resource "aws_lb" "gwy" {
  name               = "gwy"
  load_balancer_type = "gateway"
  subnets            = ["subnet-0a1b2c3d"]
}
