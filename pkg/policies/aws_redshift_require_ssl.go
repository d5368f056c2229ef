package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RedshiftRequireSSL checks that a Redshift cluster's parameter group refuses
// plain-text connections.
var RedshiftRequireSSL = &Rule{
	ID:    "aws-redshift-require-ssl",
	Title: "Redshift clusters refuse unencrypted connections",
	Description: `The whitepaper says "connections to Amazon Redshift containing PHI must use transport ` +
		`encryption". A cluster accepts plain-text clients unless its parameter group sets require_ssl to ` +
		`true; the default parameter group (default.redshift-1.0) does not, so a client that forgets to ask ` +
		`for TLS sends PHI and credentials in the clear.`,
	Severity:  Critical,
	Section:   "Amazon Redshift",
	Citations: []string{CiteTransmission},
	Service:   "redshift",
	Resources: []string{"aws_redshift_cluster"},
	Remediation: "Name a parameter group that sets `require_ssl` to `true`:\n\n" +
		"```hcl\nresource \"aws_redshift_parameter_group\" \"tls\" {\n  name   = \"redshift-tls\"\n  family = \"redshift-2.0\"\n\n  parameter {\n    name  = \"require_ssl\"\n    value = \"true\"\n  }\n}\n\nresource \"aws_redshift_cluster\" \"main\" {\n  cluster_parameter_group_name = aws_redshift_parameter_group.tls.name\n}\n```",
	Bad: `resource "aws_redshift_cluster" "main" {
  cluster_identifier = "analytics"
  node_type          = "ra3.xlplus"
  # no cluster_parameter_group_name: default.redshift-1.0 has require_ssl = false
}`,
	Good: `resource "aws_redshift_parameter_group" "tls" {
  name   = "redshift-tls"
  family = "redshift-2.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

resource "aws_redshift_cluster" "main" {
  cluster_identifier           = "analytics"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = aws_redshift_parameter_group.tls.name
}`,
	Notes: []string{
		"`cluster_parameter_group_name` is followed to an `aws_redshift_parameter_group` by reference or by literal name (case-insensitive). Omitted, or an AWS default group (`default.*`), fails: the paper asks for `require_ssl` to be configured explicitly. A name no resource of the configuration has is undetermined.",
		"`require_ssl` is compared case-insensitively; a group that does not set it inherits `false`. Parameter names and values in `aws_redshift_parameter_group` have not changed across provider versions.",
		"Same in both profiles.",
	},
	Check: checkRedshiftRequireSSL,
}

func checkRedshiftRequireSSL(p *Pass, r *graph.Resource) {
	const fix = "set cluster_parameter_group_name to an aws_redshift_parameter_group with parameter { name = \"require_ssl\", value = \"true\" }"
	lk := lookupGroup(p.Graph, configuredAttr(r, "cluster_parameter_group_name"), "aws_redshift_parameter_group")
	switch lk.source {
	case groupOutside:
		p.Undetermined(r, lk.attr, "cluster_parameter_group_name names a parameter group that is not in this configuration (or whose name is not known), so require_ssl is not known")
	case groupDefault:
		if lk.attr == nil {
			p.ReportMissing(r, nil, "cluster_parameter_group_name", "cluster_parameter_group_name is not set, so the default parameter group applies, where require_ssl is false; %s", fix)
		} else {
			p.Report(r, lk.attr, "cluster_parameter_group_name is an AWS default group, where require_ssl is false; %s", fix)
		}
	case groupFound:
		var unknownWhy string
		for _, grp := range lk.groups {
			val, found, open := groupParameter(grp, "require_ssl")
			if found && val != nil {
				switch val.Bool() {
				case graph.True:
					continue
				case graph.False:
					s, _ := val.String()
					p.Report(r, lk.attr, "%s sets require_ssl = %s; %s", grp.Address, quoteEnum(strings.TrimSpace(s)), fix)
					return
				}
				if unknownWhy == "" {
					unknownWhy = grp.Address + ": require_ssl is not known before apply"
				}
				continue
			}
			if found || open {
				if unknownWhy == "" {
					unknownWhy = grp.Address + ": the parameter group's require_ssl is not known before apply"
				}
				continue
			}
			p.Report(r, lk.attr, "%s does not set require_ssl, whose default is false; %s", grp.Address, fix)
			return
		}
		if unknownWhy != "" {
			p.Undetermined(r, lk.attr, "%s", unknownWhy)
		}
	}
}
