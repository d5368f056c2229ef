package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RDSBackupRetention checks that RDS, Aurora and Redshift keep automated
// back-ups long enough to restore from.
var RDSBackupRetention = &Rule{
	ID:    "aws-rds-backup-retention",
	Title: "RDS, Aurora and Redshift keep automated back-ups",
	Description: `HIPAA requires a data back-up plan that creates and maintains "retrievable exact copies of ` +
		`electronic PHI", and the whitepaper's back-up section relies on automated, durable snapshots. A ` +
		`retention of 0 turns RDS automated back-ups and point-in-time recovery off; the default of one day ` +
		`leaves no copy to restore from once a corruption or deletion is noticed the next day.`,
	Severity:  Medium,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteBackup},
	Service:   "rds",
	Resources: []string{"aws_db_instance", "aws_rds_cluster", "aws_redshift_cluster"},
	Remediation: "Keep at least `min_days` (default 7) days of automated back-ups; for Redshift keep automated snapshots on:\n\n" +
		"```hcl\nresource \"aws_db_instance\" \"main\" {\n  backup_retention_period = 7\n}\n\nresource \"aws_redshift_cluster\" \"main\" {\n  automated_snapshot_retention_period = 7\n}\n```",
	Bad: `resource "aws_db_instance" "main" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 0
}`,
	Good: `resource "aws_db_instance" "main" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  backup_retention_period = 14
}`,
	Notes: []string{
		"`aws_db_instance.backup_retention_period`: the RDS API default is 1 day (current provider docs say 0); either is below the 7-day minimum, so an omitted value fails (with `min_days` 1 it is undetermined, as the default may be 0).",
		"`aws_rds_cluster.backup_retention_period` defaults to 1 day on every provider version.",
		"`aws_redshift_cluster.automated_snapshot_retention_period` must be at least 1 (0 disables automated snapshots); it defaults to 1, so omitted passes. `min_days` does not apply to Redshift.",
		"Read replicas (`replicate_source_db`) are skipped: back-ups are taken on the source (RDS for PostgreSQL replicas cannot have them at all). An instance restored from `snapshot_identifier` without a retention is undetermined.",
		"Same in both profiles.",
	},
	Options: map[string]int{"min_days": 7},
	Check:   checkRDSBackupRetention,
}

func checkRDSBackupRetention(p *Pass, r *graph.Resource) {
	if r.Type == "aws_redshift_cluster" {
		checkRedshiftSnapshotRetention(p, r)
		return
	}
	minDays := int64(p.Option("min_days"))
	period := configuredAttr(r, "backup_retention_period")
	if r.Type == "aws_db_instance" {
		if configuredAttr(r, "replicate_source_db").IsSet() != graph.False {
			return
		}
		// An Aurora instance's back-ups are the cluster's.
		if e, ok := configuredAttr(r, "engine").String(); ok && strings.HasPrefix(strings.ToLower(e), "aurora") {
			return
		}
	}
	if period != nil {
		days, ok := period.Int()
		if !ok {
			p.Undetermined(r, period, "backup_retention_period is not known before apply")
			return
		}
		if days == 0 {
			p.Report(r, period, "backup_retention_period is 0, which turns automated back-ups off; set backup_retention_period = %d or more", max(minDays, 1))
		} else if days < minDays {
			p.Report(r, period, "backup_retention_period is %d day(s), below the minimum of %d; set backup_retention_period = %d or more", days, minDays, minDays)
		}
		return
	}
	if r.Type == "aws_db_instance" {
		if snap := configuredAttr(r, "snapshot_identifier"); snap.IsSet() != graph.False {
			p.Undetermined(r, snap, "backup_retention_period is not set on a restore from snapshot, so the retention is not known")
			return
		}
	}
	// The lowest and highest default the service may apply.
	lo, hi := int64(1), int64(1)
	if r.Type == "aws_db_instance" {
		lo = 0
	}
	switch {
	case hi < minDays:
		p.ReportMissing(r, nil, "backup_retention_period", "backup_retention_period is not set (default %d day); set backup_retention_period = %d or more", hi, minDays)
	case lo < minDays:
		p.Undetermined(r, nil, "backup_retention_period is not set, and its default (0 or 1 day) may be below %d", minDays)
	}
}

func checkRedshiftSnapshotRetention(p *Pass, r *graph.Resource) {
	period := configuredAttr(r, "automated_snapshot_retention_period")
	if period == nil {
		return // defaults to 1 day
	}
	days, ok := period.Int()
	if !ok {
		p.Undetermined(r, period, "automated_snapshot_retention_period is not known before apply")
		return
	}
	if days < 1 {
		p.Report(r, period, "automated_snapshot_retention_period is %d, which turns automated snapshots off; set it to 1 or more (7 recommended)", days)
	}
}
