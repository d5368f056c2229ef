package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// VPCDedicatedTenancy is the paper's first way to get Dedicated Instances: a
// VPC that forces them for everything launched into it.
var VPCDedicatedTenancy = &Rule{
	ID:    "aws-vpc-dedicated-tenancy",
	Title: "VPCs run their instances on dedicated hardware",
	Description: `The 2017 whitepaper requires EC2 instances that process, store or transmit PHI to run as ` +
		`Dedicated Instances, and names setting the VPC's tenancy attribute to "dedicated" as the first way ` +
		`to get there: every instance launched into such a VPC, EMR cluster nodes included, runs on ` +
		`hardware dedicated to one customer whatever its own tenancy says. A VPC with default tenancy ` +
		`leaves each instance to get it right on its own.`,
	Severity:  High,
	Section:   "Amazon EC2",
	Citations: []string{CiteEncryption, CiteAccess},
	Service:   "vpc",
	Resources: []string{"aws_vpc"},
	Remediation: "Set `instance_tenancy = \"dedicated\"` (a VPC's tenancy can be changed from dedicated to default " +
		"later, not the other way, so create it dedicated):\n\n" +
		"```hcl\nresource \"aws_vpc\" \"phi\" {\n  cidr_block       = \"10.0.0.0/16\"\n  instance_tenancy = \"dedicated\"\n}\n```",
	Bad: `resource "aws_vpc" "phi" {
  cidr_block = "10.0.0.0/16"
}`,
	Good: `resource "aws_vpc" "phi" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}`,
	Notes: []string{
		"`instance_tenancy` defaults to `default` on every provider version; omitted is a finding. Older provider docs also listed `host`, which the EC2 CreateVpc API rejects; only `dedicated` passes.",
		"Profile `current`: off. AWS dropped the Dedicated Instance requirement for PHI later in 2017; the rule runs only in `whitepaper`.",
	},
	Profiles: []string{ProfileWhitepaper},
	Check:    checkVPCDedicatedTenancy,
}

func checkVPCDedicatedTenancy(p *Pass, r *graph.Resource) {
	a := r.Attr("instance_tenancy")
	if a == nil {
		p.ReportMissing(r, nil, "instance_tenancy", "instance_tenancy is not set (default \"default\"); set instance_tenancy = \"dedicated\"")
		return
	}
	s, ok := a.String()
	if !ok {
		p.Undetermined(r, a, "instance_tenancy is not known before apply")
		return
	}
	if s != "dedicated" {
		p.Report(r, a, "instance_tenancy is %q; set instance_tenancy = \"dedicated\"", enumLike(s))
	}
}
