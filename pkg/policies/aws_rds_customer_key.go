package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RDSCustomerKey checks that RDS instances and Aurora clusters are encrypted
// under a customer-managed KMS key.
var RDSCustomerKey = &Rule{
	ID:    "aws-rds-customer-key",
	Title: "RDS and Aurora storage uses a customer-managed KMS key",
	Description: `The whitepaper's RDS sections have customers encrypt databases "using keys that customers ` +
		`manage through AWS KMS". Without kms_key_id an encrypted database uses the AWS managed key ` +
		`aws/rds, whose key policy and rotation the customer cannot control: access to PHI, its ` +
		`snapshots and replicas cannot be cut off by disabling the key, and the key cannot be shared to ` +
		`copy snapshots across accounts.`,
	Severity:  Medium,
	Section:   "Amazon RDS for MySQL / Oracle / PostgreSQL",
	Citations: []string{CiteEncryption},
	Service:   "rds",
	Resources: []string{"aws_db_instance", "aws_rds_cluster"},
	Remediation: "Set `kms_key_id` to a customer-managed key (with `storage_encrypted = true`):\n\n" +
		"```hcl\nresource \"aws_kms_key\" \"rds\" {\n  enable_key_rotation = true\n}\n\nresource \"aws_db_instance\" \"main\" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}\n```\n\n" +
		"The key of an existing database cannot be changed in place: copy a snapshot under the new key and restore it.",
	Bad: `resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
}`,
	Good: `resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}`,
	Notes: []string{
		"`kms_key_id` has no default on any provider version (RDS then uses the AWS managed `aws/rds` key); a reference to a key counts as set.",
		"A same-region read replica (`replicate_source_db` naming an instance of the configuration) uses its source's key and is checked there, not reported twice; a replica of a source outside the configuration, and restores from `snapshot_identifier` or `replication_source_identifier`, keep a key that is not known statically: undetermined. A secondary cluster of a global cluster is checked like any cluster.",
		"`aws_rds_global_cluster` has no `kms_key_id`; `aws_rds_cluster_instance` uses its cluster's key.",
		"Same in both profiles.",
	},
	Check: checkRDSCustomerKey,
}

func checkRDSCustomerKey(p *Pass, r *graph.Resource) {
	const fix = "set kms_key_id to a customer-managed aws_kms_key"
	key := configuredAttr(r, "kms_key_id")
	switch key.IsSet() {
	case graph.True:
		return
	case graph.Unknown:
		p.Undetermined(r, key, "kms_key_id is not known before apply")
		return
	}
	if r.Type == "aws_db_instance" {
		if src := configuredAttr(r, "replicate_source_db"); src.IsSet() != graph.False {
			if len(replicaSources(p.Graph, src)) > 0 {
				// The source is in the configuration and is where the key is chosen.
				return
			}
			p.Undetermined(r, src, "the replica's source is outside this configuration, so the key it inherits is not known")
			return
		}
	}
	for _, name := range []string{"snapshot_identifier", "replication_source_identifier"} {
		if a := configuredAttr(r, name); a.IsSet() != graph.False {
			p.Undetermined(r, a, "%s makes the database keep a key that is not known statically", name)
			return
		}
	}
	if key != nil {
		p.Report(r, key, "kms_key_id is empty, so the AWS managed key aws/rds is used; %s", fix)
		return
	}
	p.ReportMissing(r, nil, "kms_key_id", "kms_key_id is not set, so the AWS managed key aws/rds is used; %s", fix)
}
