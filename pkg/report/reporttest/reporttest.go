// Package reporttest builds report.Inputs for the writers' tests: fake rules
// (the real ones are written elsewhere) and hand-made findings covering every
// case a writer must handle.
package reporttest

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
)

// WorkDir is the working directory every sample is relative to.
const WorkDir = "/src/project"

// File names used in the sample, as the parser would give them.
const (
	MainTF    = "main.tf"
	ModuleTF  = "modules/db/main.tf"
	SpacedTF  = "my stack/storage.tf"
	PlanJSON  = "plan.json"
	BrokenTF  = "broken.tf"
	OutsideTF = "/elsewhere/shared/net.tf"
)

// Sources of the sample files. Line numbers in Sample's ranges refer to these.
var (
	MainSrc = `module "db" {
  source = "./modules/db"
}

resource "aws_instance" "app" {
  count = 2
  ami   = "ami-123"
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = false
  kms_key_id        = var.kms_key
}
`
	ModuleSrc = `resource "aws_s3_bucket" "logs" {
  bucket = "phi-logs"
}
`
	SpacedSrc = `# tflint-hipaa:ignore:aws-s3-bucket-encryption legacy bucket, ticket 42
resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-archive"
}
`
	PlanSrc = `{"format_version":"1.2","planned_values":{"root_module":{}}}
`
	BrokenSrc = `resource "aws_s3_bucket" "x" {
  bucket = "a"
  acl    = ]
}
`
	OutsideSrc = `resource "aws_flow_log" "vpc" {
  vpc_id = "vpc-1"
}
`
)

// Rules are the fake rules of the sample, one per severity and then some.
func Rules() []*policies.Rule {
	return []*policies.Rule{
		{
			ID:          "aws-s3-bucket-encryption",
			Title:       "S3 buckets encrypt objects at rest",
			Description: "Buckets holding PHI must encrypt every object at rest with SSE-KMS or SSE-S3.",
			Severity:    policies.High,
			Section:     "Amazon S3",
			Citations:   []string{policies.CiteEncryption},
			Service:     "s3",
			Resources:   []string{"aws_s3_bucket"},
			Remediation: "Add an aws_s3_bucket_server_side_encryption_configuration for the bucket.",
		},
		{
			ID:          "aws-rds-storage-encrypted",
			Title:       "RDS storage is encrypted at rest",
			Description: "Database storage holding PHI must be encrypted at rest.",
			Severity:    policies.Critical,
			Section:     "Amazon RDS for MySQL / Oracle / PostgreSQL",
			Citations:   []string{policies.CiteEncryption},
			Service:     "rds",
			Resources:   []string{"aws_db_instance"},
			Remediation: "Set `storage_encrypted = true`.",
		},
		{
			ID:          "aws-rds-kms-cmk",
			Title:       "RDS uses a customer managed KMS key",
			Description: "A customer managed key lets you audit and revoke access to the data key.",
			Severity:    policies.Medium,
			Citations:   []string{policies.CiteEncryption, policies.CiteAudit},
			Service:     "rds",
			Resources:   []string{"aws_db_instance"},
			Remediation: "Set kms_key_id to an aws_kms_key you manage.",
		},
		{
			ID:          "aws-s3-bucket-versioning",
			Title:       "S3 buckets keep object versions",
			Description: "Versioning lets you recover PHI that was overwritten | deleted.",
			Severity:    policies.Medium,
			Citations:   []string{policies.CiteBackup, policies.CiteIntegrity},
			Service:     "s3",
			Resources:   []string{"aws_s3_bucket"},
			Remediation: "Add aws_s3_bucket_versioning with status = \"Enabled\".",
		},
		{
			ID:          "aws-ec2-dedicated-tenancy",
			Title:       "EC2 instances processing PHI use dedicated tenancy",
			Description: "The 2017 whitepaper requires dedicated instances for PHI.",
			Severity:    policies.Low,
			Section:     "Amazon EC2",
			Citations:   []string{policies.CiteAccess},
			Service:     "ec2",
			Resources:   []string{"aws_instance"},
			Remediation: "Set tenancy = \"dedicated\".",
			Profiles:    []string{policies.ProfileWhitepaper},
		},
		{
			ID:          "aws-vpc-flow-logs",
			Title:       "VPC flow logs are enabled",
			Description: "Flow logs record who talked to the systems holding PHI.",
			Severity:    policies.Medium,
			Citations:   []string{policies.CiteAudit},
			Service:     "vpc",
			Resources:   []string{"aws_flow_log"},
			Remediation: "Set traffic_type = \"ALL\".",
		},
	}
}

func rng(file string, sl, sc, el, ec int) hcl.Range {
	return hcl.Range{
		Filename: file,
		Start:    hcl.Pos{Line: sl, Column: sc},
		End:      hcl.Pos{Line: el, Column: ec},
	}
}

// Findings are the sample's findings, unsorted:
//   - a critical root-module finding on an attribute,
//   - an undetermined one (shown only under Strict),
//   - two count instances of one resource with the same range,
//   - a finding inside a child module, with its module call,
//   - an inline-suppressed one in a file whose name has a space,
//   - a baseline-suppressed one,
//   - a plan finding whose range is the plan file with no line (zeros),
//   - one in a file outside the working directory, given by absolute name,
//     with a message holding a pipe and a newline.
func Findings() []policies.Finding {
	dbCall := graph.ModuleCall{
		Name:       "db",
		Address:    "module.db",
		DeclRange:  rng(MainTF, 1, 1, 1, 12),
		BlockRange: rng(MainTF, 1, 1, 3, 2),
	}
	dbHeader := rng(MainTF, 10, 1, 10, 34)
	dbBlock := rng(MainTF, 10, 1, 14, 2)
	appHeader := rng(MainTF, 5, 1, 5, 30)
	appBlock := rng(MainTF, 5, 1, 8, 2)
	legacyHeader := rng(SpacedTF, 2, 1, 2, 34)
	return []policies.Finding{
		{
			RuleID: "aws-s3-bucket-versioning", Severity: policies.Medium,
			Message: "aws_s3_bucket.from_plan: versioning is not enabled; add aws_s3_bucket_versioning with status = \"Enabled\"",
			Root:    PlanJSON, Address: "aws_s3_bucket.from_plan", Path: "versioning",
			Range: hcl.Range{Filename: PlanJSON}, ResourceRange: hcl.Range{Filename: PlanJSON},
		},
		{
			RuleID: "aws-rds-storage-encrypted", Severity: policies.Critical,
			Message: "aws_db_instance.main: storage_encrypted is false; set storage_encrypted = true",
			Root:    ".", Address: "aws_db_instance.main", Path: "storage_encrypted",
			Range: rng(MainTF, 12, 3, 12, 28), ResourceRange: dbHeader, BlockRange: dbBlock,
		},
		{
			RuleID: "aws-rds-kms-cmk", Severity: policies.Medium,
			Message: "aws_db_instance.main: kms_key_id comes from var.kms_key, which has no value before apply",
			Root:    ".", Address: "aws_db_instance.main", Path: "kms_key_id",
			Range: rng(MainTF, 13, 3, 13, 34), ResourceRange: dbHeader, BlockRange: dbBlock,
			Undetermined: true,
		},
		{
			RuleID: "aws-ec2-dedicated-tenancy", Severity: policies.Low,
			Message: "aws_instance.app[1]: tenancy is not set (default \"default\"); set tenancy = \"dedicated\"",
			Root:    ".", Address: "aws_instance.app[1]", Path: "tenancy",
			Range: appHeader, ResourceRange: appHeader, BlockRange: appBlock,
		},
		{
			RuleID: "aws-ec2-dedicated-tenancy", Severity: policies.Low,
			Message: "aws_instance.app[0]: tenancy is not set (default \"default\"); set tenancy = \"dedicated\"",
			Root:    ".", Address: "aws_instance.app[0]", Path: "tenancy",
			Range: appHeader, ResourceRange: appHeader, BlockRange: appBlock,
		},
		{
			RuleID: "aws-s3-bucket-encryption", Severity: policies.High,
			Message: "module.db.aws_s3_bucket.logs: no server-side encryption configuration refers to this bucket",
			Root:    ".", Address: "module.db.aws_s3_bucket.logs", Module: "module.db",
			Path:  "server_side_encryption_configuration",
			Range: rng(ModuleTF, 1, 1, 1, 32), ResourceRange: rng(ModuleTF, 1, 1, 1, 32),
			BlockRange:  rng(ModuleTF, 1, 1, 3, 2),
			ModuleCalls: []graph.ModuleCall{dbCall},
		},
		{
			RuleID: "aws-s3-bucket-encryption", Severity: policies.High,
			Message: "aws_s3_bucket.legacy: no server-side encryption configuration refers to this bucket",
			Root:    ".", Address: "aws_s3_bucket.legacy", Path: "server_side_encryption_configuration",
			Range: legacyHeader, ResourceRange: legacyHeader, BlockRange: rng(SpacedTF, 2, 1, 4, 2),
			Suppression: &policies.Suppression{
				Kind: "inSource", Source: "inline", Reason: "legacy bucket, ticket 42",
				Range: rng(SpacedTF, 1, 1, 1, 72),
			},
		},
		{
			RuleID: "aws-s3-bucket-versioning", Severity: policies.Medium,
			Message: "aws_s3_bucket.legacy: versioning is not enabled",
			Root:    ".", Address: "aws_s3_bucket.legacy", Path: "versioning",
			Range: legacyHeader, ResourceRange: legacyHeader, BlockRange: rng(SpacedTF, 2, 1, 4, 2),
			Suppression: &policies.Suppression{
				Kind: "external", Source: "baseline", Reason: "recorded in .tflint-hipaa-baseline.json", Expires: "2027-03-31",
			},
		},
		{
			RuleID: "aws-vpc-flow-logs", Severity: policies.Medium,
			Message: "aws_flow_log.vpc: traffic_type is \"ACCEPT|REJECT\"\nset traffic_type = \"ALL\"",
			Root:    "/elsewhere/shared", Address: "aws_flow_log.vpc", Path: "traffic_type",
			Range: rng(OutsideTF, 1, 1, 1, 30), ResourceRange: rng(OutsideTF, 1, 1, 1, 30),
		},
	}
}

// Diags are one parse error with a place and one warning without.
func Diags() hcl.Diagnostics {
	subject := rng(BrokenTF, 3, 12, 3, 13)
	return hcl.Diagnostics{
		{
			Severity: hcl.DiagError,
			Summary:  "Invalid expression",
			Detail:   "Expected the start of an expression, but found an invalid expression token.",
			Subject:  &subject,
		},
		{
			Severity: hcl.DiagWarning,
			Summary:  "No Terraform files",
			Detail:   "docs/ holds no .tf or .tf.json files.",
		},
	}
}

// Files are the sample's sources keyed by the names used in ranges.
func Files() map[string][]byte {
	return map[string][]byte{
		MainTF:    []byte(MainSrc),
		ModuleTF:  []byte(ModuleSrc),
		SpacedTF:  []byte(SpacedSrc),
		PlanJSON:  []byte(PlanSrc),
		BrokenTF:  []byte(BrokenSrc),
		OutsideTF: []byte(OutsideSrc),
	}
}

// Sample is the full input, findings sorted, Strict on.
func Sample() *report.Input {
	fs := Findings()
	policies.SortFindings(fs)
	return &report.Input{
		Findings: fs,
		Rules:    Rules(),
		Diags:    Diags(),
		Files:    Files(),
		Strict:   true,
		Version:  "1.2.3",
		WorkDir:  WorkDir,
		Notes:    []string{"unused suppression: main.tf:20 tflint-hipaa:ignore:aws-s3-bucket-versioning"},
	}
}

// Empty is a clean run: rules but no findings and no diagnostics.
func Empty() *report.Input {
	return &report.Input{Rules: Rules(), Files: map[string][]byte{}, Version: "1.2.3", WorkDir: WorkDir}
}
