locals {
  databases = {
    billing   = true
    analytics = false
  }
}

resource "aws_db_instance" "db" {
  for_each          = local.databases
  identifier        = each.key
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = each.value # want "aws-rds-storage-encrypted"
}
