variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "access_log_bucket" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_security_group" "alb" {
  name   = "${var.name}-alb"
  vpc_id = var.vpc_id
  tags   = var.tags
}

# HTTPS in front and behind, TLS 1.2+ only, access logs on.
resource "aws_lb" "app" {
  name               = "${var.name}-app"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.alb.id]

  access_logs {
    bucket  = var.access_log_bucket
    prefix  = "alb"
    enabled = true
  }

  tags = var.tags
}

resource "aws_lb_target_group" "app" {
  name     = "${var.name}-app"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = var.vpc_id

  health_check {
    protocol = "HTTPS"
    path     = "/health"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_listener" "http_redirect" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

# Application servers: encrypted volumes with the customer key, dedicated
# tenancy, IMDSv2.
resource "aws_launch_template" "app" {
  name_prefix   = "${var.name}-app-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 50
      volume_type = "gp3"
      encrypted   = "true"
      kms_key_id  = var.kms_key_arn
    }
  }

  placement {
    tenancy = "dedicated"
  }

  metadata_options {
    http_tokens = "required"
  }

  tag_specifications {
    resource_type = "instance"
    tags          = var.tags
  }
}

resource "aws_autoscaling_group" "app" {
  name                = "${var.name}-app"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = var.subnet_ids
  target_group_arns   = [aws_lb_target_group.app.arn]

  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

# A data volume attached to a dedicated bastion in the same VPC.
resource "aws_instance" "bastion" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = var.subnet_ids[0]
  tenancy       = "dedicated"

  root_block_device {
    encrypted  = true
    kms_key_id = var.kms_key_arn
  }

  metadata_options {
    http_tokens = "required"
  }

  tags = var.tags
}

resource "aws_ebs_volume" "bastion_data" {
  availability_zone = aws_instance.bastion.availability_zone
  size              = 20
  encrypted         = true
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}
