resource "aws_db_instance" "explicit_false" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = false # want "aws-rds-storage-encrypted"
}

resource "aws_db_instance" "omitted" { # want "aws-rds-storage-encrypted"
  engine         = "postgres"
  instance_class = "db.m6g.large"
}

# Serverless v2 is engine_mode "provisioned": the default is false.
resource "aws_rds_cluster" "serverless_v2" { # want "aws-rds-storage-encrypted"
  engine         = "aurora-mysql"
  engine_mode    = "provisioned"
  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 4
  }
}

resource "aws_rds_cluster" "provisioned_default" { # want "aws-rds-storage-encrypted"
  engine = "aurora-mysql"
}

resource "aws_rds_global_cluster" "global" { # want "aws-rds-storage-encrypted"
  global_cluster_identifier = "global-db"
  engine                    = "aurora-mysql"
}
