// Package corpus writes a synthetic Terraform code base for benchmarks: root
// stacks calling shared modules, with variables, locals, count, for_each,
// dynamic blocks, data sources and many AWS resource types. The output
// depends only on its arguments, so timings compare across runs.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// filesPerModule is how many .tf files each module gets.
const filesPerModule = 10

// Generate writes about `modules` modules (a quarter of them roots, the rest
// shared modules the roots call) of filesPerModule files each under dir.
func Generate(dir string, modules int) (files int, bytes int64, err error) {
	if modules < 2 {
		modules = 2
	}
	roots := modules / 4
	if roots < 1 {
		roots = 1
	}
	shared := modules - roots
	w := &writer{}
	for j := 0; j < shared; j++ {
		w.sharedModule(filepath.Join(dir, "modules", fmt.Sprintf("mod%03d", j)), j, shared)
	}
	for i := 0; i < roots; i++ {
		w.rootModule(filepath.Join(dir, "live", fmt.Sprintf("stack%03d", i)), i, shared)
	}
	return w.files, w.bytes, w.err
}

type writer struct {
	files int
	bytes int64
	err   error
}

func (w *writer) write(path, content string) {
	if w.err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.err = err
		return
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		w.err = err
		return
	}
	w.files++
	w.bytes += int64(len(content))
}

// resourceKinds render one resource group each; n varies names and values.
var resourceKinds = []func(n int) string{
	func(n int) string {
		return fmt.Sprintf(`resource "aws_s3_bucket" "data_%[1]d" {
  for_each = var.buckets
  bucket   = "${local.prefix}-${each.key}-%[1]d"
  tags     = merge(local.tags, { Name = each.key, Versioned = tostring(each.value.versioning) })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data_%[1]d" {
  for_each = aws_s3_bucket.data_%[1]d
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.main_%[1]d.arn
    }
  }
}

resource "aws_s3_bucket_policy" "data_%[1]d" {
  for_each = aws_s3_bucket.data_%[1]d
  bucket   = each.value.id
  policy   = data.aws_iam_policy_document.tls_%[1]d.json
}

data "aws_iam_policy_document" "tls_%[1]d" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
`, n)
	},
	func(n int) string {
		return fmt.Sprintf(`resource "aws_kms_key" "main_%[1]d" {
  description             = "key ${local.prefix} %[1]d"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_db_instance" "db_%[1]d" {
  count                   = var.replicas
  identifier              = format("%%s-db-%%02d", local.prefix, count.index)
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = lookup(local.sizes, var.environment, "db.t3.micro")
  storage_encrypted       = var.encrypted
  kms_key_id              = aws_kms_key.main_%[1]d.arn
  backup_retention_period = var.environment == "prod" ? 30 : 7
  multi_az                = var.environment == "prod"
  parameter_group_name    = aws_db_parameter_group.pg_%[1]d.name
  tags                    = local.tags
}

resource "aws_db_parameter_group" "pg_%[1]d" {
  name   = "${local.prefix}-pg-%[1]d"
  family = "postgres15"
  dynamic "parameter" {
    for_each = local.db_parameters
    content {
      name  = parameter.key
      value = parameter.value
    }
  }
}
`, n)
	},
	func(n int) string {
		return fmt.Sprintf(`resource "aws_instance" "app_%[1]d" {
  count         = length(local.azs)
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.large"
  subnet_id     = aws_subnet.private_%[1]d[count.index].id
  tenancy       = "dedicated"
  root_block_device {
    encrypted   = true
    kms_key_id  = aws_kms_key.main_%[1]d.arn
    volume_size = 50
  }
  dynamic "ebs_block_device" {
    for_each = var.volumes
    content {
      device_name = ebs_block_device.value.device
      volume_size = ebs_block_device.value.size
      encrypted   = true
    }
  }
  tags = merge(local.tags, { Name = "${local.prefix}-app-${count.index}" })
}

resource "aws_ebs_volume" "extra_%[1]d" {
  for_each          = toset(local.azs)
  availability_zone = each.value
  size              = 100
  encrypted         = var.encrypted
  kms_key_id        = aws_kms_key.main_%[1]d.arn
}
`, n)
	},
	func(n int) string {
		return fmt.Sprintf(`resource "aws_vpc" "main_%[1]d" {
  cidr_block           = var.cidr
  instance_tenancy     = "dedicated"
  enable_dns_hostnames = true
  tags                 = local.tags
}

resource "aws_subnet" "private_%[1]d" {
  count             = length(local.azs)
  vpc_id            = aws_vpc.main_%[1]d.id
  cidr_block        = cidrsubnet(var.cidr, 8, count.index + %[1]d)
  availability_zone = local.azs[count.index]
}

resource "aws_security_group" "sg_%[1]d" {
  name   = "${local.prefix}-sg-%[1]d"
  vpc_id = aws_vpc.main_%[1]d.id
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.cidr]
    }
  }
}
`, n)
	},
	func(n int) string {
		return fmt.Sprintf(`resource "aws_lb" "alb_%[1]d" {
  name               = "${local.prefix}-alb-%[1]d"
  load_balancer_type = "application"
  subnets            = aws_subnet.private_%[1]d[*].id
  access_logs {
    bucket  = "${local.prefix}-logs"
    enabled = true
  }
}

resource "aws_lb_listener" "https_%[1]d" {
  load_balancer_arn = aws_lb.alb_%[1]d.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tg_%[1]d.arn
  }
}

resource "aws_lb_target_group" "tg_%[1]d" {
  name     = "${local.prefix}-tg-%[1]d"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = aws_vpc.main_%[1]d.id
}
`, n)
	},
	func(n int) string {
		return fmt.Sprintf(`resource "aws_dynamodb_table" "t_%[1]d" {
  name         = "${local.prefix}-table-%[1]d"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.main_%[1]d.arn
  }
  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_redshift_cluster" "rs_%[1]d" {
  count                               = var.environment == "prod" ? 1 : 0
  cluster_identifier                  = "${local.prefix}-rs-%[1]d"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = aws_kms_key.main_%[1]d.arn
  automated_snapshot_retention_period = 7
}
`, n)
	},
	func(n int) string {
		return fmt.Sprintf(`resource "aws_cloudtrail" "trail_%[1]d" {
  name                       = "${local.prefix}-trail-%[1]d"
  s3_bucket_name             = "${local.prefix}-trail"
  enable_log_file_validation = true
  is_multi_region_trail      = true
  kms_key_id                 = aws_kms_key.main_%[1]d.arn
}

resource "aws_cloudwatch_log_group" "lg_%[1]d" {
  for_each          = { for k, v in var.buckets : k => v if v.versioning }
  name              = "/${local.prefix}/${each.key}"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.main_%[1]d.arn
}

resource "aws_emr_security_configuration" "emr_%[1]d" {
  name = "${local.prefix}-emr-%[1]d"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
    }
  })
}
`, n)
	},
}

const variablesTF = `variable "environment" {
  type    = string
  default = "dev"
}

variable "encrypted" {
  type    = bool
  default = true
}

variable "replicas" {
  type    = number
  default = 1
}

variable "cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "buckets" {
  type = map(object({
    versioning = optional(bool, true)
  }))
  default = {
    phi  = { versioning = true }
    logs = {}
  }
}

variable "volumes" {
  type = list(object({ device = string, size = number }))
  default = [
    { device = "/dev/sdb", size = 20 },
    { device = "/dev/sdc", size = 40 },
  ]
}

variable "name" {
  type    = string
  default = "svc"
}
`

func localsTF(id string) string {
	return fmt.Sprintf(`locals {
  prefix = "${var.name}-%s-${var.environment}"
  azs    = ["us-east-1a", "us-east-1b", "us-east-1c"]
  ports  = [443, 8443]
  sizes = {
    prod = "db.r6g.large"
    dev  = "db.t3.medium"
  }
  db_parameters = {
    "rds.force_ssl"   = "1"
    "log_connections" = "1"
  }
  tags = {
    Environment = var.environment
    Module      = "%s"
    Owner       = upper("platform")
  }
}
`, id, id)
}

func (w *writer) sharedModule(dir string, j, shared int) {
	id := fmt.Sprintf("mod%03d", j)
	w.write(filepath.Join(dir, "variables.tf"), variablesTF)
	w.write(filepath.Join(dir, "locals.tf"), localsTF(id))
	var outputs strings.Builder
	outputs.WriteString(`output "vpc_id" {
  value = aws_vpc.main_0.id
}

output "subnet_ids" {
  value = aws_subnet.private_0[*].id
}

output "kms_key_arn" {
  value = aws_kms_key.main_0.arn
}
`)
	// Some shared modules call another one (one level deep, never a cycle),
	// as shared "service" modules call a shared "network" module.
	if j%3 == 0 && j+1 < shared {
		outputs.WriteString(fmt.Sprintf(`
module "next" {
  source      = "../mod%03d"
  name        = "${var.name}-next"
  environment = var.environment
  encrypted   = var.encrypted
}
`, j+1))
	}
	w.write(filepath.Join(dir, "outputs.tf"), outputs.String())
	for k := 0; k < filesPerModule-3; k++ {
		w.write(filepath.Join(dir, fmt.Sprintf("main_%d.tf", k)), resourceFile(k))
	}
}

// resourceFile makes every kind of resource group for group number 0 (so
// cross-file references resolve), plus one more kind per file.
func resourceFile(k int) string {
	var b strings.Builder
	b.WriteString(resourceKinds[k%len(resourceKinds)](0))
	b.WriteString("\n")
	b.WriteString(resourceKinds[(k+3)%len(resourceKinds)](k + 1))
	return fixGroupRefs(b.String(), k+1)
}

// fixGroupRefs points the extra group's references at group 0's shared
// resources when that group is not declared (keys, VPC, subnets).
func fixGroupRefs(s string, n int) string {
	for _, name := range []string{"aws_kms_key.main_", "aws_vpc.main_", "aws_subnet.private_", "aws_lb_target_group.tg_", "aws_lb.alb_", "aws_db_parameter_group.pg_"} {
		decl := fmt.Sprintf(`resource "%s" "%s%d"`, strings.SplitN(name, ".", 2)[0], strings.SplitN(name, ".", 2)[1], n)
		if !strings.Contains(s, decl) {
			s = strings.ReplaceAll(s, fmt.Sprintf("%s%d", name, n), name+"0")
		}
	}
	return s
}

func (w *writer) rootModule(dir string, i, shared int) {
	id := fmt.Sprintf("stack%03d", i)
	w.write(filepath.Join(dir, "variables.tf"), variablesTF)
	w.write(filepath.Join(dir, "locals.tf"), localsTF(id))
	w.write(filepath.Join(dir, "terraform.tfvars"), fmt.Sprintf("environment = %q\nreplicas = %d\n", []string{"dev", "prod"}[i%2], 1+i%3))
	w.write(filepath.Join(dir, "versions.tf"), `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
`)
	// Each root calls its own pair of shared modules, so most shared
	// modules have one caller, as in a real repository.
	a, b := (i*3)%shared, (i*3+2)%shared
	w.write(filepath.Join(dir, "modules.tf"), fmt.Sprintf(`module "svc" {
  source      = "../../modules/mod%03d"
  for_each    = toset(["api", "worker"])
  name        = each.key
  environment = var.environment
}

module "data" {
  source      = "../../modules/mod%03d"
  count       = var.replicas
  name        = "data${count.index}"
  environment = var.environment
  cidr        = cidrsubnet("10.0.0.0/8", 8, count.index)
}

resource "aws_instance" "bastion" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = module.data[0].subnet_ids[0]
  root_block_device {
    encrypted  = true
    kms_key_id = module.svc["api"].kms_key_arn
  }
}
`, a, b))
	for k := 0; k < filesPerModule-5; k++ {
		w.write(filepath.Join(dir, fmt.Sprintf("main_%d.tf", k)), resourceFile(k))
	}
}
