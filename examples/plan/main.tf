# A small non-compliant stack, and plan.json beside it: the plan
# `terraform show -json` writes for it. tflint-hipaa reads the plan's values
# and maps each finding back to the line of this file that caused it.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "name" {
  type    = string
  default = "intake"
}

# Default tenancy and no flow log.
resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_subnet" "app_b" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.20.2.0/24"
}

# On shared hardware, because its VPC is; the root volume is not encrypted.
resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.medium"
  subnet_id     = aws_subnet.app.id
}

# Unencrypted, on the default parameter group (no TLS required), one AZ.
resource "aws_db_instance" "intake" {
  identifier                  = "${var.name}-db"
  engine                      = "mysql"
  engine_version              = "8.0.39"
  instance_class              = "db.t3.medium"
  allocated_storage           = 20
  username                    = "intake_admin"
  manage_master_user_password = true
  backup_retention_period     = 7
  skip_final_snapshot         = true
}

# Provider v4+ style, with nothing beside it: no encryption configuration, no
# TLS-only policy, no versioning, no access logs.
resource "aws_s3_bucket" "uploads" {
  bucket = "${var.name}-uploads"
}

# Plain HTTP to the users.
resource "aws_lb" "public" {
  name               = "${var.name}-public"
  load_balancer_type = "application"
  subnets            = [aws_subnet.app.id, aws_subnet.app_b.id]
}

resource "aws_lb_target_group" "app" {
  name     = "${var.name}-app"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
