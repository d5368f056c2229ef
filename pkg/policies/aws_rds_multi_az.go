package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RDSMultiAZ checks that RDS instances keep a standby in a second
// Availability Zone.
var RDSMultiAZ = &Rule{
	ID:    "aws-rds-multi-az",
	Title: "RDS instances are deployed Multi-AZ",
	Description: `HIPAA's contingency plan asks for a disaster recovery plan, and the whitepaper points to ` +
		`AWS's multiple Availability Zones as the way to survive the loss of a data center. A single-AZ ` +
		`RDS instance holding PHI is unavailable for the length of an AZ outage and may lose recent writes; ` +
		`multi_az keeps a synchronous standby in another zone with automatic failover.`,
	Severity:  Low,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteRecovery},
	Service:   "rds",
	Resources: []string{"aws_db_instance"},
	Remediation: "Set `multi_az = true`:\n\n" +
		"```hcl\nresource \"aws_db_instance\" \"main\" {\n  multi_az = true\n}\n```",
	Bad: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
}`,
	Good: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
}`,
	Notes: []string{
		"`multi_az` defaults to `false` on every provider version; omitted is a finding.",
		"Aurora engines (`aurora*`) are skipped: an Aurora cluster stores its data across three Availability Zones by design, and its instances are placed by the cluster.",
		"Same in both profiles.",
	},
	Check: checkRDSMultiAZ,
}

func checkRDSMultiAZ(p *Pass, r *graph.Resource) {
	if e, ok := configuredAttr(r, "engine").String(); ok && strings.HasPrefix(strings.ToLower(e), "aurora") {
		return
	}
	maz := configuredAttr(r, "multi_az")
	if maz == nil {
		p.ReportMissing(r, nil, "multi_az", "multi_az is not set and defaults to false; set multi_az = true")
		return
	}
	switch maz.Bool() {
	case graph.False:
		p.Report(r, maz, "multi_az is false; set multi_az = true")
	case graph.Unknown:
		p.Undetermined(r, maz, "multi_az is not known before apply")
	}
}
