package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// DynamoDBPITR asks for continuous back-ups, the DynamoDB form of the
// retrievable exact copies the contingency plan requires.
var DynamoDBPITR = &Rule{
	ID:    "aws-dynamodb-pitr",
	Title: "DynamoDB tables have point-in-time recovery",
	Description: `The whitepaper's back-up section: under HIPAA, covered entities "must create and maintain ` +
		`retrievable exact copies of electronic PHI", and it builds the back-up plan on point-in-time ` +
		`copies (EBS snapshots). Point-in-time recovery keeps continuous back-ups of a DynamoDB ` +
		`table for up to 35 days, so a table damaged by a bad write or deletion can be restored to any ` +
		`second in that window. It is off unless enabled.`,
	Severity:  Low,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteBackup},
	Service:   "dynamodb",
	Resources: []string{"aws_dynamodb_table"},
	Remediation: "Enable point-in-time recovery:\n\n" +
		"```hcl\nresource \"aws_dynamodb_table\" \"patients\" {\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n```",
	Bad: `resource "aws_dynamodb_table" "visits" {
  name         = "visits"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "visit_id"

  attribute {
    name = "visit_id"
    type = "S"
  }
}`,
	Good: `resource "aws_dynamodb_table" "visits" {
  name         = "visits"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "visit_id"

  attribute {
    name = "visit_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}`,
	Notes: []string{
		"`point_in_time_recovery.enabled` is required inside the block, and the feature is off when the block is omitted, on every provider version. `recovery_period_in_days` (provider v5.83+) shortens the window; any enabled window passes.",
		"Same in both profiles.",
	},
	Check: checkDynamoDBPITR,
}

func checkDynamoDBPITR(p *Pass, r *graph.Resource) {
	blocks := r.Blocks("point_in_time_recovery")
	if len(blocks) == 0 {
		p.ReportMissing(r, nil, "point_in_time_recovery", "point_in_time_recovery is not set (off by default); set point_in_time_recovery { enabled = true }")
		return
	}
	b := blocks[0]
	if b.Unknown {
		p.Undetermined(r, b, "a dynamic point_in_time_recovery block is not known before apply")
		return
	}
	a := b.Attr("enabled")
	if a == nil {
		return
	}
	switch a.Bool() {
	case graph.False:
		p.Report(r, a, "point_in_time_recovery.enabled is false; set enabled = true")
	case graph.Unknown:
		p.Undetermined(r, a, "point_in_time_recovery.enabled is not known before apply")
	}
}
