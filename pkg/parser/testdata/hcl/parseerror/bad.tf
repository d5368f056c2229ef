resource "aws_vpc" "bad" {
  cidr_block = "10.0.0.0/16"
  tags = {
