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

# No access logs (aws-elb-access-logs).
resource "aws_lb" "app" {
  name               = "${var.name}-app"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.alb.id]
  tags               = var.tags
}

# Plain HTTP between the load balancer and the instances
# (aws-elb-backend-encrypted).
resource "aws_lb_target_group" "app" {
  name     = "${var.name}-app"
  port     = 80
  protocol = "HTTP"
  vpc_id   = var.vpc_id

  health_check {
    protocol = "HTTP"
    path     = "/health"
  }
}

# HTTPS with a policy that still accepts TLS 1.0 and 1.1 (aws-elb-tls-policy).
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# Port 80 serves the application instead of redirecting to HTTPS
# (aws-elb-listener-encrypted).
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

# Application servers: the template sets no tenancy and its auto scaling group
# launches into the shared-tenancy VPC (aws-ec2-dedicated-tenancy); the volume
# is not encrypted, with no customer key (aws-ebs-encrypted,
# aws-ebs-customer-key).
resource "aws_launch_template" "app" {
  name_prefix   = "${var.name}-app-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m6i.large"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 50
      volume_type = "gp3"
      encrypted   = "false"
    }
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

# A bastion on shared hardware (aws-ec2-dedicated-tenancy) whose root volume is
# encrypted with the AWS-managed key rather than the customer key
# (aws-ebs-customer-key).
resource "aws_instance" "bastion" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = var.subnet_ids[0]

  root_block_device {
    encrypted = true
  }

  metadata_options {
    http_tokens = "required"
  }

  tags = var.tags
}

# A scratch volume for one patient's record import: unencrypted, with no
# customer key (aws-ebs-encrypted, aws-ebs-customer-key), and named after the patient's medical record number
# (aws-phi-in-tags).
resource "aws_ebs_volume" "bastion_data" {
  availability_zone = aws_instance.bastion.availability_zone
  size              = 20
  tags              = merge(var.tags, { Name = "import-mrn-00482913" })
}
