package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// AuroraMySQLOnly checks that Aurora databases use the MySQL-compatible
// edition, the only one the 2017 BAA covered.
var AuroraMySQLOnly = &Rule{
	ID:    "aws-aurora-mysql-only",
	Title: "Aurora databases use the MySQL-compatible edition",
	Description: `The whitepaper says "customers may only use the MySQL-compatible edition of Amazon Aurora ` +
		`as part of our BAA". An Aurora PostgreSQL database holding PHI falls outside the services the ` +
		`paper's Business Associate Addendum covered. Aurora PostgreSQL has since become HIPAA eligible, ` +
		`so the current profile accepts it.`,
	Severity:  High,
	Section:   "Amazon Aurora",
	Citations: []string{CiteEncryption, CiteTransmission},
	Service:   "rds",
	Resources: []string{"aws_rds_cluster", "aws_rds_cluster_instance", "aws_db_instance", "aws_rds_global_cluster"},
	Remediation: "Use the MySQL-compatible engine, or run the `current` profile if your BAA covers Aurora PostgreSQL:\n\n" +
		"```hcl\nresource \"aws_rds_cluster\" \"main\" {\n  engine = \"aurora-mysql\"\n}\n```",
	Bad: `resource "aws_rds_cluster" "main" {
  cluster_identifier = "clinical"
  engine             = "aurora-postgresql"
}`,
	Good: `resource "aws_rds_cluster" "main" {
  cluster_identifier = "clinical"
  engine             = "aurora-mysql"
}`,
	Notes: []string{
		"`aurora` (MySQL 5.6-compatible) and `aurora-mysql` pass; engines that are not Aurora (`mysql`, `postgres`, ...) are not this rule's concern.",
		"Before AWS provider v5 an omitted `aws_rds_cluster.engine` (and `aws_rds_cluster_instance.engine`) meant `aurora`; v5 made it required. An omitted engine therefore passes.",
		"An `aws_rds_cluster_instance` whose `cluster_identifier` names a cluster of the configuration (by reference or literal name) is checked on the cluster, not reported twice; an `aws_rds_global_cluster` without `engine` takes its source cluster's engine, checked there.",
		"Profile `current` accepts `aurora-postgresql` (HIPAA eligible today); `whitepaper` reports it.",
	},
	Check: checkAuroraMySQLOnly,
}

func checkAuroraMySQLOnly(p *Pass, r *graph.Resource) {
	if p.Profile == ProfileCurrent {
		return
	}
	if r.Type == "aws_rds_cluster_instance" && instanceClusterInGraph(p.Graph, r) {
		return
	}
	engine := configuredAttr(r, "engine")
	if engine == nil {
		return
	}
	s, ok := engine.String()
	if !ok {
		p.Undetermined(r, engine, "engine is not known before apply, and aurora-postgresql is outside the whitepaper's BAA")
		return
	}
	if strings.EqualFold(strings.TrimSpace(s), "aurora-postgresql") {
		p.Report(r, engine, "engine is \"aurora-postgresql\"; the whitepaper's BAA covers only the MySQL-compatible edition of Aurora: set engine = \"aurora-mysql\" (or use profile current)")
	}
}

// instanceClusterInGraph answers whether a cluster instance's cluster is a
// resource of the configuration, by reference or by literal identifier.
func instanceClusterInGraph(g *graph.Graph, r *graph.Resource) bool {
	id := configuredAttr(r, "cluster_identifier")
	if len(g.Follow(id, "aws_rds_cluster")) > 0 {
		return true
	}
	name, ok := id.String()
	if !ok || name == "" {
		return false
	}
	return len(resourcesNamed(g, "aws_rds_cluster", "cluster_identifier", name)) > 0
}
