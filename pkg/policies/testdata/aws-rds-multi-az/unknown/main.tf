# fixture: hcl-only a real plan always has a value for var.multi_az

variable "multi_az" {
  type = bool
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = var.multi_az # undetermined "aws-rds-multi-az"
}
