package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// ELBAccessLogs asks load balancers to write access logs.
var ELBAccessLogs = &Rule{
	ID:    "aws-elb-access-logs",
	Title: "Load balancers write access logs",
	Description: "For both load balancer architectures the whitepaper says customers should implement a level " +
		"of logging consistent with HIPAA and HITECH requirements. Load balancer access logs record every " +
		"request or TLS connection (client address, time, target, status, TLS protocol and cipher), the audit " +
		"trail needed to examine who reached systems holding PHI.",
	Severity:  Low,
	Section:   "Elastic Load Balancing",
	Citations: []string{CiteAudit},
	Service:   "elb",
	Resources: []string{"aws_lb", "aws_alb", "aws_elb"},
	Remediation: "Enable access logs to an S3 bucket (whose policy lets the ELB service write to it):\n\n" +
		"```hcl\nresource \"aws_lb\" \"app\" {\n  # ...\n  access_logs {\n    bucket  = aws_s3_bucket.lb_logs.id\n" +
		"    prefix  = \"app\"\n    enabled = true\n  }\n}\n```\n\n" +
		"For a Classic load balancer an `access_logs { bucket = ... }` block is enough (`enabled` defaults to true there).",
	Bad: `resource "aws_lb" "app" {
  name    = "app"
  subnets = aws_subnet.public[*].id

  access_logs {
    bucket = aws_s3_bucket.lb_logs.id
  }
}`,
	Good: `resource "aws_lb" "app" {
  name    = "app"
  subnets = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}`,
	Notes: []string{
		"`aws_lb.access_logs.enabled` defaults to false, even when `bucket` is set: a block without " +
			"`enabled = true` is a finding. `aws_elb.access_logs.enabled` defaults to true: the block alone passes.",
		"Gateway load balancers have no access logs and are skipped; when `load_balancer_type` is not known, " +
			"a load balancer without logging is undetermined. A network load balancer logs only its TLS " +
			"connections, but it is still asked to log them.",
		"Unchanged across provider versions 3–6 (`aws_alb` is an alias; v5 added `connection_logs`, which " +
			"this rule does not require). Same in both profiles.",
	},
	Check: checkELBAccessLogs,
}

func checkELBAccessLogs(p *Pass, r *graph.Resource) {
	classic := r.Type == "aws_elb"
	knownType := true
	if !classic {
		kind, ok := loadBalancerType(r)
		if ok && kind == lbGateway {
			return
		}
		knownType = ok
	}
	if r.Body.HasUnknownBlocks("access_logs") {
		p.Undetermined(r, nil, "the access_logs block depends on values not known before apply")
		return
	}
	logs := r.Blocks("access_logs")
	if len(logs) == 0 {
		if !knownType {
			p.Undetermined(r, r.Attr("load_balancer_type"), "access_logs is not set and load_balancer_type is not known (gateway load balancers have no access logs)")
			return
		}
		if classic {
			p.ReportMissing(r, nil, "access_logs", "access_logs is not set; add access_logs { bucket = ... }")
		} else {
			p.ReportMissing(r, nil, "access_logs", "access_logs is not set; add access_logs { bucket = ..., enabled = true }")
		}
		return
	}
	b := logs[0]
	enabled := b.Attr("enabled")
	if enabled == nil {
		if classic {
			return
		}
		if !knownType {
			p.Undetermined(r, r.Attr("load_balancer_type"), "access_logs.enabled is not set (default false) and load_balancer_type is not known")
			return
		}
		p.ReportMissing(r, b, "enabled", "access_logs.enabled is not set (default false, even with a bucket); set enabled = true")
		return
	}
	switch enabled.Bool() {
	case graph.False:
		p.Report(r, enabled, "access_logs.enabled is false; set enabled = true")
	case graph.Unknown:
		p.Undetermined(r, enabled, "access_logs.enabled is not known before apply")
	}
}
