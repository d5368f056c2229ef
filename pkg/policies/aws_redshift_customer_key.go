package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RedshiftCustomerKey checks that Redshift clusters are encrypted under a
// customer-managed KMS key.
var RedshiftCustomerKey = &Rule{
	ID:    "aws-redshift-customer-key",
	Title: "Redshift clusters use a customer-managed KMS key",
	Description: `The whitepaper describes Redshift's key hierarchy with the cluster key protected by a ` +
		`master key that the customer manages in AWS KMS or CloudHSM. Without kms_key_id the cluster uses ` +
		`the AWS managed key, whose key policy and rotation the customer cannot control, and access to PHI ` +
		`cannot be revoked by disabling the key.`,
	Severity:  Medium,
	Section:   "Amazon Redshift",
	Citations: []string{CiteEncryption},
	Service:   "redshift",
	Resources: []string{"aws_redshift_cluster"},
	Remediation: "Set `kms_key_id` to a customer-managed key (with `encrypted = true`):\n\n" +
		"```hcl\nresource \"aws_kms_key\" \"redshift\" {\n  enable_key_rotation = true\n}\n\nresource \"aws_redshift_cluster\" \"main\" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.redshift.arn\n}\n```",
	Bad: `resource "aws_redshift_cluster" "main" {
  cluster_identifier = "analytics"
  node_type          = "ra3.xlplus"
  encrypted          = true
}`,
	Good: `resource "aws_redshift_cluster" "main" {
  cluster_identifier = "analytics"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}`,
	Notes: []string{
		"`kms_key_id` has no default on any provider version; a reference to a key counts as set even though its ARN is known only after apply.",
		"A cluster restored from `snapshot_identifier` without `kms_key_id` keeps the snapshot's key, which is not known statically: undetermined.",
		"Same in both profiles.",
	},
	Check: checkRedshiftCustomerKey,
}

func checkRedshiftCustomerKey(p *Pass, r *graph.Resource) {
	key := configuredAttr(r, "kms_key_id")
	switch key.IsSet() {
	case graph.True:
		return
	case graph.Unknown:
		p.Undetermined(r, key, "kms_key_id is not known before apply")
		return
	}
	if snap := configuredAttr(r, "snapshot_identifier"); snap.IsSet() != graph.False {
		p.Undetermined(r, snap, "a cluster restored from a snapshot keeps the snapshot's key, which is not known")
		return
	}
	if key != nil {
		p.Report(r, key, "kms_key_id is empty, so the AWS managed key is used; set kms_key_id to a customer-managed aws_kms_key")
		return
	}
	p.ReportMissing(r, nil, "kms_key_id", "kms_key_id is not set, so the AWS managed key is used; set kms_key_id to a customer-managed aws_kms_key")
}
