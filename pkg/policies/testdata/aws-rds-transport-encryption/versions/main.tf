# Engine defaults by version.
resource "aws_db_instance" "postgres15" {
  engine         = "postgres"
  engine_version = "15"
  instance_class = "db.m6g.large"
}

resource "aws_db_instance" "postgres96" { # want "aws-rds-transport-encryption"
  engine         = "postgres"
  engine_version = "9.6.24"
  instance_class = "db.m6g.large"
}

# A major-only MariaDB 11 gets the newest 11.x, which may or may not be 11.8 or later.
resource "aws_db_instance" "mariadb11" { # undetermined "aws-rds-transport-encryption"
  engine         = "mariadb"
  engine_version = "11"
  instance_class = "db.m6g.large"
}

resource "aws_db_instance" "mariadb12" {
  engine         = "mariadb"
  engine_version = "12.0"
  instance_class = "db.m6g.large"
}

# A group's family decides the default, whatever the instance's version says.
resource "aws_db_parameter_group" "mariadb118" {
  name   = "mariadb118"
  family = "mariadb11.8"
}

resource "aws_db_instance" "mariadb_family" {
  engine               = "mariadb"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.mariadb118.name
}
