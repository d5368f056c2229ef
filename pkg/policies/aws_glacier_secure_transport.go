package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// GlacierSecureTransport asks every vault's access policy to refuse plain HTTP.
var GlacierSecureTransport = &Rule{
	ID:    "aws-glacier-secure-transport",
	Title: "Glacier vault access policies deny requests that do not use TLS",
	Description: "The whitepaper requires connections to Amazon Glacier containing PHI to use endpoints that " +
		"accept encrypted transport (HTTPS). A vault access policy with a Deny statement on the condition " +
		"Bool aws:SecureTransport = false makes the vault refuse any request sent in clear text.",
	Severity:  Medium,
	Section:   "Amazon Glacier",
	Citations: []string{CiteTransmission},
	Service:   "glacier",
	Resources: []string{"aws_glacier_vault"},
	Remediation: "Set an `access_policy` that denies every request made without TLS:\n\n" +
		"```hcl\nresource \"aws_glacier_vault\" \"phi\" {\n  name = \"phi-archive\"\n" +
		"  access_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n" +
		"      Effect    = \"Deny\"\n      Principal = \"*\"\n      Action    = \"glacier:*\"\n" +
		"      Resource  = \"arn:aws:glacier:us-east-1:111122223333:vaults/phi-archive\"\n" +
		"      Condition = { Bool = { \"aws:SecureTransport\" = \"false\" } }\n    }]\n  })\n}\n```",
	Bad: `resource "aws_glacier_vault" "phi" {
  name = "phi-archive"
}`,
	Good: `resource "aws_glacier_vault" "phi" {
  name          = "phi-archive"
  access_policy = data.aws_iam_policy_document.glacier_tls_only.json
}`,
	Notes: []string{
		"`access_policy` may be `jsonencode(...)`, heredoc JSON, or `data.aws_iam_policy_document.<name>.json` " +
			"(its `statement` and `condition` blocks are read). A JSON value that interpolates something known " +
			"only at apply is undetermined. The argument is unchanged across provider versions 3–6.",
		"`aws_glacier_vault_lock` policies are not read: a lock policy is for retention, not transport.",
		"Same in both profiles.",
	},
	Check: func(p *Pass, r *graph.Resource) {
		checkPolicyAttrTLS(p, r, "access_policy", "access_policy", "glacier:*")
	},
}
