package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RDSStorageEncrypted is the exemplar of a plain attribute with provider
// defaults and inheritance through replicas, snapshots and global clusters.
var RDSStorageEncrypted = &Rule{
	ID:    "aws-rds-storage-encrypted",
	Title: "RDS storage is encrypted at rest",
	Description: `The whitepaper's RDS sections (MySQL, Oracle, PostgreSQL) and its Aurora section ` +
		`rely on Amazon RDS encryption with keys managed in AWS KMS to protect PHI at rest: with it, the ` +
		`underlying storage, automated back-ups, read replicas and snapshots are encrypted. An unencrypted ` +
		`DB instance or Aurora cluster keeps all of them in plaintext, and encryption cannot be switched ` +
		`on later without restoring into a new instance.`,
	Severity:  Critical,
	Section:   "Amazon RDS for MySQL / Oracle / PostgreSQL",
	Citations: []string{CiteEncryption},
	Service:   "rds",
	Resources: []string{"aws_db_instance", "aws_rds_cluster", "aws_rds_global_cluster"},
	Remediation: "Set `storage_encrypted = true`, with `kms_key_id` naming a customer-managed KMS key:\n\n" +
		"```hcl\nresource \"aws_db_instance\" \"main\" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}\n```\n\n" +
		"An existing unencrypted database has to be restored from an encrypted snapshot copy.",
	Bad: `resource "aws_db_instance" "main" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = false
}`,
	Good: `resource "aws_db_instance" "main" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}`,
	Notes: []string{
		"`aws_db_instance.storage_encrypted` defaults to false on every provider version; omitted is a finding.",
		"`aws_rds_cluster.storage_encrypted` defaults to true only for `engine_mode = \"serverless\"` (Serverless v1); Serverless v2 clusters are `provisioned` and default to false.",
		"`aws_rds_global_cluster.storage_encrypted` defaults to false unless `source_db_cluster_identifier` names an encrypted cluster.",
		"A same-region read replica (`replicate_source_db`) inherits its source's encryption; a cross-region replica is encrypted when `kms_key_id` is set. Restores from `snapshot_identifier` or `restore_to_point_in_time` inherit the snapshot's encryption, which is not known statically: undetermined.",
		"Same in both profiles.",
	},
	Check: checkRDSStorageEncrypted,
}

func checkRDSStorageEncrypted(p *Pass, r *graph.Resource) {
	verdict := rdsEncryption(p.Graph, r, 0)
	switch verdict.answer {
	case graph.False:
		if verdict.missing {
			p.ReportMissing(r, nil, "storage_encrypted", "%s", verdict.why)
		} else {
			p.Report(r, verdict.at, "%s", verdict.why)
		}
	case graph.Unknown:
		p.Undetermined(r, verdict.at, "%s", verdict.why)
	}
}

// encryptionVerdict is the answer to "is this database encrypted at rest", with
// where the answer comes from.
type encryptionVerdict struct {
	answer  graph.Tri
	at      graph.Node
	missing bool
	why     string
}

// rdsEncryption follows replicas and global clusters to their source; depth
// stops a replica chain that loops.
func rdsEncryption(g *graph.Graph, r *graph.Resource, depth int) encryptionVerdict {
	const fix = "; set storage_encrypted = true (and kms_key_id)"
	if se := r.Attr("storage_encrypted"); se != nil {
		switch se.Bool() {
		case graph.True:
			return encryptionVerdict{answer: graph.True}
		case graph.False:
			return encryptionVerdict{answer: graph.False, at: se, why: "storage_encrypted is false" + fix}
		}
		return encryptionVerdict{answer: graph.Unknown, at: se, why: "storage_encrypted is not known before apply"}
	}
	inherit := func(a *graph.Attribute, typ, what string) encryptionVerdict {
		sources := g.Follow(a, typ)
		if len(sources) == 0 || depth > 8 {
			return encryptionVerdict{answer: graph.Unknown, at: a, why: what + " is outside this configuration, so its encryption is not known"}
		}
		answers := make([]graph.Tri, 0, len(sources))
		for _, src := range sources {
			answers = append(answers, rdsEncryption(g, src, depth+1).answer)
		}
		switch graph.And(answers...) {
		case graph.True:
			return encryptionVerdict{answer: graph.True}
		case graph.False:
			return encryptionVerdict{answer: graph.False, at: a, why: what + " " + sources[0].Address + " is not encrypted, and this inherits it" + fix}
		}
		return encryptionVerdict{answer: graph.Unknown, at: a, why: "the encryption of " + what + " " + sources[0].Address + " is not known"}
	}
	switch r.Type {
	case "aws_db_instance":
		if a := r.Attr("replicate_source_db"); a.IsSet() != graph.False {
			if r.Attr("kms_key_id").IsSet() == graph.True {
				// A cross-region replica is encrypted with the key it names.
				return encryptionVerdict{answer: graph.True}
			}
			return inherit(a, "aws_db_instance", "the replica's source")
		}
		if a := r.Attr("snapshot_identifier"); a.IsSet() != graph.False {
			return encryptionVerdict{answer: graph.Unknown, at: a, why: "a restore from snapshot inherits the snapshot's encryption, which is not known"}
		}
		if bs := r.Blocks("restore_to_point_in_time"); len(bs) > 0 {
			return encryptionVerdict{answer: graph.Unknown, at: bs[0], why: "a point-in-time restore inherits its source's encryption, which is not known"}
		}
		return encryptionVerdict{answer: graph.False, missing: true, why: "storage_encrypted is not set and defaults to false" + fix}
	case "aws_rds_cluster":
		mode := r.Attr("engine_mode")
		if mode != nil {
			s, ok := mode.String()
			if !ok {
				return encryptionVerdict{answer: graph.Unknown, at: mode, why: "engine_mode is not known, and the storage_encrypted default depends on it"}
			}
			if s == "serverless" {
				return encryptionVerdict{answer: graph.True}
			}
		}
		if a := r.Attr("global_cluster_identifier"); a.IsSet() != graph.False {
			return inherit(a, "aws_rds_global_cluster", "the global cluster")
		}
		for _, name := range []string{"replication_source_identifier", "snapshot_identifier"} {
			if a := r.Attr(name); a.IsSet() != graph.False {
				return encryptionVerdict{answer: graph.Unknown, at: a, why: name + " makes the cluster inherit an encryption that is not known"}
			}
		}
		for _, name := range []string{"restore_to_point_in_time", "s3_import"} {
			if bs := r.Blocks(name); len(bs) > 0 {
				return encryptionVerdict{answer: graph.Unknown, at: bs[0], why: name + " makes the cluster inherit an encryption that is not known"}
			}
		}
		return encryptionVerdict{answer: graph.False, missing: true, why: "storage_encrypted is not set and defaults to false for provisioned clusters (Serverless v2 included)" + fix}
	case "aws_rds_global_cluster":
		if a := r.Attr("source_db_cluster_identifier"); a.IsSet() != graph.False {
			return inherit(a, "aws_rds_cluster", "the source cluster")
		}
		return encryptionVerdict{answer: graph.False, missing: true, why: "storage_encrypted is not set and defaults to false" + fix}
	}
	return encryptionVerdict{answer: graph.True}
}
