environment           = "prod"
vpc_cidr              = "10.40.0.0/16"
availability_zones    = ["us-east-1a", "us-east-1b", "us-east-1c"]
certificate_arn       = "arn:aws:acm:us-east-1:111122223333:certificate/2f1c7a55-1111-4b8e-9c1e-4d2b7a9e0c11"
backup_retention_days = 35
