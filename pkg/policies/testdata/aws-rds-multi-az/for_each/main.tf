resource "aws_db_instance" "db" {
  for_each       = toset(["billing", "analytics"])
  identifier     = each.key
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = each.key == "billing" # want "aws-rds-multi-az"
}
