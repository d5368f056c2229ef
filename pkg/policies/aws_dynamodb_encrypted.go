package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// DynamoDBEncrypted asks for a KMS key whose use CloudTrail records, which the
// AWS-owned default key is not.
var DynamoDBEncrypted = &Rule{
	ID:    "aws-dynamodb-encrypted",
	Title: "DynamoDB tables are encrypted with an auditable KMS key",
	Description: `The whitepaper requires PHI stored in DynamoDB to be encrypted at rest, and its KMS section ` +
		`asks for keys whose every use is logged in CloudTrail. A table with server_side_encryption ` +
		`enabled uses the AWS-managed aws/dynamodb key or a customer-managed key, both KMS keys in the ` +
		`account whose use can be audited. Without it, the table is encrypted with an AWS-owned key that ` +
		`is invisible to the account: no key policy, no CloudTrail record of its use.`,
	Severity:  High,
	Section:   "Amazon DynamoDB",
	Citations: []string{CiteEncryption},
	Service:   "dynamodb",
	Resources: []string{"aws_dynamodb_table"},
	Remediation: "Enable server-side encryption with a KMS key, preferably a customer-managed one:\n\n" +
		"```hcl\nresource \"aws_dynamodb_table\" \"patients\" {\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.dynamodb.arn\n  }\n}\n```",
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

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}`,
	Notes: []string{
		"`server_side_encryption.enabled` is required inside the block; without the block, or with `enabled = false`, DynamoDB uses an AWS-owned key (shown as DEFAULT in the console). `enabled = true` without `kms_key_arn` uses the AWS-managed `aws/dynamodb` key, which passes. These names and defaults are the same on every provider version.",
		"Profile `whitepaper`: an AWS-owned key is a finding (its use cannot be audited). Profile `current`: DynamoDB has encrypted every table at rest with at least an AWS-owned key since 2018, so an omitted block or `enabled = false` passes.",
	},
	Check: checkDynamoDBEncrypted,
}

func checkDynamoDBEncrypted(p *Pass, r *graph.Resource) {
	if p.Profile == ProfileCurrent {
		// Every table is encrypted at rest; current only asks for that.
		return
	}
	blocks := r.Blocks("server_side_encryption")
	if len(blocks) == 0 {
		p.ReportMissing(r, nil, "server_side_encryption", "server_side_encryption is not set, so the table uses an AWS-owned key whose use cannot be audited; set server_side_encryption { enabled = true, kms_key_arn = ... }")
		return
	}
	b := blocks[0]
	if b.Unknown {
		p.Undetermined(r, b, "a dynamic server_side_encryption block is not known before apply")
		return
	}
	a := b.Attr("enabled")
	if a == nil {
		// enabled is required inside the block; Terraform rejects the block without it.
		return
	}
	switch a.Bool() {
	case graph.False:
		p.Report(r, a, "server_side_encryption.enabled is false, so the table uses an AWS-owned key whose use cannot be audited; set enabled = true (with kms_key_arn)")
	case graph.Unknown:
		p.Undetermined(r, a, "server_side_encryption.enabled is not known before apply")
	}
}
