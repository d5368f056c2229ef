resource "aws_db_instance" "single_az" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = false # want "aws-rds-multi-az"
}

resource "aws_db_instance" "omitted" { # want "aws-rds-multi-az"
  engine         = "mysql"
  instance_class = "db.m6g.large"
}
