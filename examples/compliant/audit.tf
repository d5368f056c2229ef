# The audit trail: multi-region, encrypted, with log file validation, into its
# own bucket.
module "trail_bucket" {
  source            = "./modules/bucket"
  name              = "${local.name}-cloudtrail"
  sse_algorithm     = "aws:kms"
  kms_key_arn       = module.kms.logs_key_arn
  access_log_bucket = module.access_logs.id
  tags              = local.tags
}

resource "aws_cloudtrail" "main" {
  name                          = "${local.name}-trail"
  s3_bucket_name                = module.trail_bucket.id
  kms_key_id                    = module.kms.logs_key_arn
  enable_log_file_validation    = true
  is_multi_region_trail         = true
  include_global_service_events = true
  tags                          = local.tags
}

# Long-term archive of audit exports.
resource "aws_glacier_vault" "audit_archive" {
  name = "${local.name}-audit-archive"
  tags = local.tags

  access_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "glacier:*"
      Resource  = "arn:aws:glacier:${var.region}:111122223333:vaults/${local.name}-audit-archive"
      Condition = {
        Bool = { "aws:SecureTransport" = "false" }
      }
    }]
  })
}
