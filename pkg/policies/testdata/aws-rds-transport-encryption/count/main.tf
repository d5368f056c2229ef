resource "aws_db_instance" "shard" { # want "aws-rds-transport-encryption" "aws-rds-transport-encryption"
  count          = 2
  identifier     = "shard-${count.index}"
  engine         = "mysql"
  instance_class = "db.m6g.large"
}

resource "aws_db_parameter_group" "tls" {
  count  = 2
  name   = "tls-${count.index}"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_db_instance" "tls" {
  count                = 2
  identifier           = "tls-${count.index}"
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.tls[count.index].name
}
