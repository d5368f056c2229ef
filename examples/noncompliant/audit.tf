module "trail_bucket" {
  source            = "./modules/bucket"
  name              = "${local.name}-cloudtrail"
  sse_algorithm     = "aws:kms"
  kms_key_arn       = module.kms.logs_key_arn
  access_log_bucket = module.access_logs.id
  tags              = local.tags
}

# A single-region trail, without log file validation, encrypted only with
# SSE-S3 (aws-cloudtrail-multi-region, aws-cloudtrail-log-validation,
# aws-cloudtrail-encrypted).
resource "aws_cloudtrail" "main" {
  name                          = "${local.name}-trail"
  s3_bucket_name                = module.trail_bucket.id
  enable_log_file_validation    = false
  is_multi_region_trail         = false
  include_global_service_events = true
  tags                          = local.tags
}

# Exports archived per patient: the vault name carries the patient's SSN
# (aws-glacier-phi-in-names), and the policy allows plain HTTP
# (aws-glacier-secure-transport).
resource "aws_glacier_vault" "audit_archive" {
  name = "${local.name}-export-123-45-6789"
  tags = local.tags

  access_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowAuditorsRead"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/auditor" }
      Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
      Resource  = "arn:aws:glacier:${var.region}:111122223333:vaults/${local.name}-export-123-45-6789"
    }]
  })
}

# A report uploaded under the patient's e-mail address (aws-s3-phi-in-names).
resource "aws_s3_object" "discharge_summary" {
  bucket  = module.records.id
  key     = "discharge/jane.doe@example.com/summary.pdf"
  content = "placeholder"
}
