package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// VPCFlowLogs asks every VPC for a flow log.
var VPCFlowLogs = &Rule{
	ID:    "aws-vpc-flow-logs",
	Title: "VPCs have flow logs",
	Description: "The whitepaper names VPC Flow Logs as the audit trail of accepted and rejected connections " +
		"to instances processing, transmitting or storing PHI. A VPC without a flow log leaves no record of " +
		"which addresses reached those instances, which HIPAA's audit controls ask for.",
	Severity:  Medium,
	Section:   "Amazon EC2",
	Citations: []string{CiteAudit},
	Service:   "vpc",
	Resources: []string{"aws_vpc"},
	Remediation: "Add an `aws_flow_log` on the VPC, capturing all traffic:\n\n" +
		"```hcl\nresource \"aws_flow_log\" \"main\" {\n  vpc_id          = aws_vpc.main.id\n" +
		"  traffic_type    = \"ALL\"\n  log_destination = aws_cloudwatch_log_group.flow.arn\n" +
		"  iam_role_arn    = aws_iam_role.flow.arn\n}\n```",
	Bad: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`,
	Good: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = aws_iam_role.flow.arn
}`,
	Notes: []string{
		"Only a flow log whose `vpc_id` refers to the VPC counts. `aws_flow_log` can also attach to a " +
			"`subnet_id`, `eni_id`, `transit_gateway_id` or `transit_gateway_attachment_id`; those cover only " +
			"that subnet or interface, not subnets and instances added to the VPC later, so they do not " +
			"satisfy this rule (the message says when the VPC has only such flow logs).",
		"A VPC's id is known only after apply, so a flow log names its VPC by reference. A flow log whose " +
			"`vpc_id` is not known statically and does not refer to a VPC in the configuration may be this " +
			"VPC's: undetermined. `vpc_id`, `subnet_id` and `eni_id` mean the same on provider v3–v6 " +
			"(v6 adds `region`).",
		"`traffic_type` (required) is not judged here; `ALL` records both accepted and rejected connections.",
		"Same in both profiles.",
	},
	Check: checkVPCFlowLogs,
}

func checkVPCFlowLogs(p *Pass, r *graph.Resource) {
	for _, e := range p.Graph.Referrers(r, "aws_flow_log") {
		if e.Attr.Path == "vpc_id" {
			return
		}
	}
	var undecided *graph.Resource
	partial := false
	for _, fl := range p.Graph.OfType("aws_flow_log") {
		if vpcID := fl.Attr("vpc_id"); vpcID != nil && undecided == nil && flowLogTargetUnknown(p, vpcID) {
			undecided = fl
		}
		for _, attr := range []string{"subnet_id", "eni_id"} {
			if refersWithinVPC(p, fl.Attr(attr), r) {
				partial = true
			}
		}
	}
	if undecided != nil {
		p.Undetermined(r, r.Body, "%s attaches to a VPC not known before apply; it may be this VPC's flow log", undecided.Address)
		return
	}
	if partial {
		p.ReportMissing(r, nil, "aws_flow_log",
			"VPC has flow logs only on some subnets or network interfaces; add an aws_flow_log with vpc_id = this VPC's id and traffic_type = \"ALL\"")
		return
	}
	p.ReportMissing(r, nil, "aws_flow_log",
		"VPC has no flow log; add an aws_flow_log with vpc_id = this VPC's id and traffic_type = \"ALL\"")
}

// flowLogTargetUnknown answers whether a flow log's vpc_id may name a VPC of
// the configuration without the graph saying which: it refers to no VPC we
// hold and its value is not known.
func flowLogTargetUnknown(p *Pass, vpcID *graph.Attribute) bool {
	if len(p.Graph.Follow(vpcID, "aws_vpc")) > 0 {
		return false
	}
	if vpcID.IsSet() == graph.False {
		return false
	}
	// A known literal ("vpc-0abc...") names an existing VPC: a VPC created
	// here has no id before apply.
	return !vpcID.Value.IsWhollyKnown()
}

// refersWithinVPC answers whether a flow log's subnet_id or eni_id refers to a
// subnet (or an interface in a subnet) of vpc.
func refersWithinVPC(p *Pass, a *graph.Attribute, vpc *graph.Resource) bool {
	if a == nil {
		return false
	}
	subnets := p.Graph.Follow(a, "aws_subnet")
	for _, eni := range p.Graph.Follow(a, "aws_network_interface") {
		subnets = append(subnets, p.Graph.Follow(eni.Attr("subnet_id"), "aws_subnet")...)
	}
	for _, s := range subnets {
		for _, v := range p.Graph.Follow(s.Attr("vpc_id"), "aws_vpc") {
			if v == vpc {
				return true
			}
		}
	}
	return false
}
