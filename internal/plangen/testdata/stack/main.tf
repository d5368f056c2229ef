terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "env" {
  type    = string
  default = "prod"
}

locals {
  tags = { Env = var.env }
}

resource "aws_kms_key" "k" {
  description = "phi key"
}

resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi-${var.env}"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {
  bucket = aws_s3_bucket.phi.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k.arn
    }
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app" {
  for_each   = toset(["a", "b"])
  vpc_id     = aws_vpc.main.id
  cidr_block = each.key == "a" ? "10.0.1.0/24" : "10.0.2.0/24"
}

resource "aws_instance" "app" {
  count         = 2
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.app["a"].id

  root_block_device {
    encrypted = true
  }

  dynamic "ebs_block_device" {
    for_each = ["/dev/sdf", "/dev/sdg"]
    content {
      device_name = ebs_block_device.value
      encrypted   = false
    }
  }
}

resource "aws_dynamodb_table" "t" {
  name     = "records"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_rds_cluster" "serverless" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}

module "db" {
  source     = "./modules/db"
  kms_key_id = aws_kms_key.k.arn
  subnet_ids = [aws_subnet.app["a"].id, aws_subnet.app["b"].id]
}

resource "aws_cloudwatch_log_group" "db" {
  name       = "db"
  kms_key_id = module.db.key_arn
}

resource "aws_redshift_parameter_group" "p" {
  name   = "secure"
  family = "redshift-1.0"

  dynamic "parameter" {
    for_each = { enable_user_activity_logging = "true", max_concurrency_scaling_clusters = "1" }
    content {
      name  = parameter.key
      value = parameter.value
    }
  }

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}
