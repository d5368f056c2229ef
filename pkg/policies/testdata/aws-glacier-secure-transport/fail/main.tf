resource "aws_glacier_vault" "no_policy" { # want "aws-glacier-secure-transport"
  name = "archive-one"
}

resource "aws_glacier_vault" "allow_only" {
  name = "archive-two"
  access_policy = jsonencode({ # want "aws-glacier-secure-transport"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/archiver" }
      Action    = ["glacier:UploadArchive"]
      Resource  = "arn:aws:glacier:us-east-1:111122223333:vaults/archive-two"
    }]
  })
}
