package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// CloudTrailMultiRegion asks trails to record every region.
var CloudTrailMultiRegion = &Rule{
	ID:    "aws-cloudtrail-multi-region",
	Title: "CloudTrail trails record every region",
	Description: "A single-region trail records nothing that happens in the other regions, so a resource " +
		"holding PHI created (by mistake or by an attacker) in an unexpected region leaves no audit trail. " +
		"A multi-region trail records API activity in every region, including ones enabled later, which is " +
		"what the whitepaper's call for detailed activity logs of who accessed what needs.",
	Severity:  Low,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteAudit},
	Service:   "cloudtrail",
	Resources: []string{"aws_cloudtrail"},
	Remediation: "Set `is_multi_region_trail = true` (and keep `include_global_service_events`, default true):\n\n" +
		"```hcl\nresource \"aws_cloudtrail\" \"main\" {\n  name                  = \"main\"\n" +
		"  s3_bucket_name        = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n}\n```",
	Bad: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = false
}`,
	Good: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}`,
	Notes: []string{
		"`is_multi_region_trail` defaults to false on every provider version (3–6); omitted is a finding.",
		"Same in both profiles.",
	},
	Check: func(p *Pass, r *graph.Resource) {
		checkFlagDefaultFalse(p, r, "is_multi_region_trail", "set is_multi_region_trail = true so activity in every region is recorded")
	},
}
