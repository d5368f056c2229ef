package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// CloudTrailEncrypted asks trails to encrypt their logs with a KMS key.
var CloudTrailEncrypted = &Rule{
	ID:    "aws-cloudtrail-encrypted",
	Title: "CloudTrail logs are encrypted with a KMS key",
	Description: "CloudTrail logs record who accessed which resources holding PHI, and can themselves " +
		"carry identifying request details. With `kms_key_id`, CloudTrail encrypts log files with SSE-KMS " +
		"under a key whose policy decides who may read the audit trail, and every decryption is itself " +
		"logged, the auditable key hierarchy the whitepaper's KMS section describes.",
	Severity:  Medium,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteAudit},
	Service:   "cloudtrail",
	Resources: []string{"aws_cloudtrail"},
	Remediation: "Set `kms_key_id` to the ARN of a customer-managed KMS key whose policy lets CloudTrail use it:\n\n" +
		"```hcl\nresource \"aws_cloudtrail\" \"main\" {\n  name           = \"main\"\n" +
		"  s3_bucket_name = aws_s3_bucket.trail.id\n  kms_key_id     = aws_kms_key.trail.arn\n}\n```",
	Bad: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}`,
	Good: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  kms_key_id     = aws_kms_key.trail.arn
}`,
	Notes: []string{
		"`kms_key_id` has no default on any provider version (3–6): omitted means the logs get the log " +
			"bucket's default encryption only. A reference to a key counts as set.",
		"Same in both profiles.",
	},
	Check: checkCloudTrailEncrypted,
}

func checkCloudTrailEncrypted(p *Pass, r *graph.Resource) {
	a := r.Attr("kms_key_id")
	switch a.IsSet() {
	case graph.False:
		if a == nil {
			p.ReportMissing(r, nil, "kms_key_id", "kms_key_id is not set, so logs are not encrypted with a KMS key; set kms_key_id to a customer-managed KMS key ARN")
			return
		}
		p.Report(r, a, "kms_key_id is empty or null, so logs are not encrypted with a KMS key; set kms_key_id to a customer-managed KMS key ARN")
	case graph.Unknown:
		p.Undetermined(r, a, "kms_key_id is not known before apply")
	}
}
