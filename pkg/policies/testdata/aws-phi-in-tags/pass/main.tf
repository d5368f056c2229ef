# Ordinary tags, and PHI-like tags on the resource types the naming rules
# report (so they are not reported twice).

resource "aws_sqs_queue" "intake" {
  name = "intake"
  tags = {
    Name               = "patient-intake-queue"
    Environment        = "prod"
    DataClassification = "phi"
    CostCenter         = "123456789012"
    Version            = "v5.100.0"
    CreatedOn          = "2024-01-01"
    Subnet             = "10.0.1.0/24"
    KmsAlias           = "alias/hipaa-phi-key"
    RunId              = "123e4567-e89b-12d3-a456-426614174000"
    Repository         = "git@github.com:acme/infra.git"
  }
}

resource "aws_s3_bucket" "covered_by_s3_rule" {
  bucket = "records"
  tags = {
    Contact = "jane.doe@gmail.com"
  }
}

resource "aws_glacier_vault" "covered_by_glacier_rule" {
  name = "records"
  tags = {
    ssn = "x"
  }
}

resource "aws_dynamodb_table" "covered_by_dynamodb_rule" {
  name     = "records"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  tags = {
    Owner = "jane.doe@gmail.com"
  }
}

data "aws_instances" "filter_not_tags" {
  instance_tags = {
    Contact = "jane.doe@gmail.com"
  }
}

resource "random_pet" "not_aws" {
  keepers = {
    Contact = "jane.doe@gmail.com"
  }
}
