package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// CloudTrailLogValidation asks trails to sign their log files.
var CloudTrailLogValidation = &Rule{
	ID:    "aws-cloudtrail-log-validation",
	Title: "CloudTrail trails validate their log files",
	Description: "Audit records are only evidence if they cannot be altered unnoticed. With log file " +
		"validation, CloudTrail delivers a signed digest file every hour, so any change to or deletion of a " +
		"delivered log file can be detected. The whitepaper's auditing section asks for logs kept centrally " +
		"for extended periods in case of an audit; this keeps them trustworthy.",
	Severity:  Medium,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteAudit, CiteIntegrity},
	Service:   "cloudtrail",
	Resources: []string{"aws_cloudtrail"},
	Remediation: "Set `enable_log_file_validation = true`:\n\n" +
		"```hcl\nresource \"aws_cloudtrail\" \"main\" {\n  name                       = \"main\"\n" +
		"  s3_bucket_name             = aws_s3_bucket.trail.id\n  enable_log_file_validation = true\n}\n```",
	Bad: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}`,
	Good: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_log_file_validation = true
}`,
	Notes: []string{
		"`enable_log_file_validation` defaults to false on every provider version (3–6); omitted is a finding.",
		"Same in both profiles.",
	},
	Check: func(p *Pass, r *graph.Resource) {
		checkFlagDefaultFalse(p, r, "enable_log_file_validation", "set enable_log_file_validation = true so tampering with delivered logs can be detected")
	},
}
