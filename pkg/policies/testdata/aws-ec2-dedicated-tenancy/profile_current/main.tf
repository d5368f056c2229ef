# fixture: profile=current
# AWS dropped the Dedicated Instance requirement: nothing is reported.
resource "aws_vpc" "shared" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.shared.id
}
