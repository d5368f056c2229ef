resource "aws_s3_bucket" "logs" {
  bucket = "acme-lb-logs"
}

resource "aws_lb" "none" { # want "aws-elb-access-logs"
  name    = "none"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

# enabled defaults to false, even with a bucket.
resource "aws_lb" "bucket_only" {
  name    = "bucket-only"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  access_logs { # want "aws-elb-access-logs"
    bucket = aws_s3_bucket.logs.id
    prefix = "bucket-only"
  }
}

resource "aws_alb" "disabled" {
  name    = "disabled"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = false # want "aws-elb-access-logs"
  }
}

resource "aws_lb" "net" { # want "aws-elb-access-logs"
  name               = "net"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}
