resource "aws_glacier_vault" "archive" {
  name = "medical-records-vault"
  tags = {
    DataClassification = "phi"
    Retention          = "2555-days"
    CreatedOn          = "2024-01-01"
  }
}

resource "aws_glacier_vault" "dicom" {
  name = "dicom-images-us-east-1-123456789012"
}
