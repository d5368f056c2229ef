# The reference stack's shape with each HIPAA safeguard broken at least once:
# every rule of tflint-hipaa has a finding here. The comment above each
# resource or module call names the rules it breaks. Do not deploy this.

locals {
  name = "clinic-${var.environment}"
  tags = {
    Environment = var.environment
    Owner       = "platform-team"
    DataClass   = "restricted"
  }
}

module "kms" {
  source = "./modules/kms"
  name   = local.name
  tags   = local.tags
}

# Shared tenancy and no flow logs (aws-vpc-dedicated-tenancy, aws-vpc-flow-logs).
module "network" {
  source             = "./modules/network"
  name               = local.name
  cidr_block         = var.vpc_cidr
  availability_zones = var.availability_zones
  instance_tenancy   = "default"
  enable_flow_logs   = false
  kms_key_arn        = module.kms.logs_key_arn
  tags               = local.tags
}

module "access_logs" {
  source        = "./modules/bucket"
  name          = "${local.name}-access-logs"
  sse_algorithm = "AES256"
  is_log_target = true
  tags          = local.tags
}

# No encryption configuration, no TLS-only policy, versioning suspended and no
# access logs (aws-s3-encryption, aws-s3-secure-transport, aws-s3-versioning,
# aws-s3-access-logging).
module "records" {
  source            = "./modules/bucket"
  name              = "${local.name}-records"
  sse_algorithm     = null
  tls_only          = false
  versioning_status = "Suspended"
  tags              = local.tags
}

module "database" {
  source                = "./modules/database"
  name                  = local.name
  subnet_ids            = module.network.private_subnet_ids
  kms_key_arn           = module.kms.data_key_arn
  backup_retention_days = var.backup_retention_days
  tags                  = local.tags
}

module "warehouse" {
  source      = "./modules/warehouse"
  name        = local.name
  subnet_ids  = module.network.private_subnet_ids
  kms_key_arn = module.kms.data_key_arn
  tags        = local.tags
}

module "web" {
  source            = "./modules/web"
  name              = local.name
  vpc_id            = module.network.vpc_id
  subnet_ids        = module.network.private_subnet_ids
  certificate_arn   = var.certificate_arn
  kms_key_arn       = module.kms.data_key_arn
  access_log_bucket = module.access_logs.id
  tags              = local.tags
}

module "analytics" {
  source      = "./modules/analytics"
  name        = local.name
  subnet_id   = module.network.private_subnet_ids[0]
  kms_key_arn = module.kms.data_key_arn
  tags        = local.tags
}
