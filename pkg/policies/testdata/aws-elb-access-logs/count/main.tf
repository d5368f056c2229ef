resource "aws_lb" "shard" {
  count   = 3
  name    = "shard-${count.index}"
  subnets = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = count.index < 2 # want "aws-elb-access-logs"
  }
}
