package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RedshiftEncrypted checks that Redshift clusters encrypt data at rest.
var RedshiftEncrypted = &Rule{
	ID:    "aws-redshift-encrypted",
	Title: "Redshift clusters are encrypted at rest",
	Description: `The whitepaper relies on Redshift database encryption to protect PHI at rest: with ` +
		`encryption on, Redshift encrypts all data, including back-ups, under a four-tier key hierarchy ` +
		`rooted in KMS or CloudHSM. An unencrypted cluster keeps PHI and its snapshots in plaintext on ` +
		`disk, and turning encryption on later means a migration of the whole cluster.`,
	Severity:  Critical,
	Section:   "Amazon Redshift",
	Citations: []string{CiteEncryption},
	Service:   "redshift",
	Resources: []string{"aws_redshift_cluster"},
	Remediation: "Set `encrypted = true`, with `kms_key_id` naming a customer-managed KMS key:\n\n" +
		"```hcl\nresource \"aws_redshift_cluster\" \"main\" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.redshift.arn\n}\n```",
	Bad: `resource "aws_redshift_cluster" "main" {
  cluster_identifier = "analytics"
  node_type          = "ra3.xlplus"
  encrypted          = false
}`,
	Good: `resource "aws_redshift_cluster" "main" {
  cluster_identifier = "analytics"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}`,
	Notes: []string{
		"`encrypted` defaults to `false` before AWS provider v6 and to `true` from v6 (v6 upgrade guide). An omitted `encrypted` fails when `.terraform.lock.hcl` or the `required_providers` constraint puts the provider below v6, passes on v6 and later, and is undetermined when the version is not known.",
		"A cluster restored from `snapshot_identifier` without `encrypted` takes the snapshot's encryption, which is not known statically: undetermined.",
		"Same in both profiles.",
	},
	Check: checkRedshiftEncrypted,
}

func checkRedshiftEncrypted(p *Pass, r *graph.Resource) {
	const fix = "set encrypted = true (and kms_key_id)"
	if enc := configuredAttr(r, "encrypted"); enc != nil {
		switch enc.Bool() {
		case graph.False:
			p.Report(r, enc, "encrypted is false; %s", fix)
		case graph.Unknown:
			p.Undetermined(r, enc, "encrypted is not known before apply")
		}
		return
	}
	if snap := configuredAttr(r, "snapshot_identifier"); snap.IsSet() != graph.False {
		p.Undetermined(r, snap, "a cluster restored from a snapshot takes the snapshot's encryption, which is not known")
		return
	}
	switch p.Graph.Provider.AtLeast(6) {
	case graph.False:
		p.ReportMissing(r, nil, "encrypted", "encrypted is not set and defaults to false before AWS provider v6; %s", fix)
	case graph.Unknown:
		p.Undetermined(r, nil, "encrypted is not set; it defaults to false before AWS provider v6 and to true from v6, and the provider version is not known")
	}
}
