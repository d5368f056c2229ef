package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// EMRDedicatedTenancy checks the only way the paper gives EMR nodes dedicated
// hardware: a cluster subnet in a VPC with dedicated tenancy.
var EMRDedicatedTenancy = &Rule{
	ID:    "aws-emr-dedicated-tenancy",
	Title: "EMR clusters run in a VPC with dedicated tenancy",
	Description: `EMR launches EC2 instances into the customer's account, and the 2017 whitepaper requires ` +
		`every EC2 instance that processes PHI to be a Dedicated Instance. EMR has no per-cluster tenancy ` +
		`setting, so the paper says clusters "must be created in a VPC with tenancy attribute of ` +
		`dedicated": the cluster's subnet must belong to such a VPC. A cluster without a subnet runs in ` +
		`the default VPC, whose tenancy is always default.`,
	Severity:  High,
	Section:   "Amazon EMR",
	Citations: []string{CiteEncryption, CiteAccess},
	Service:   "emr",
	Resources: []string{"aws_emr_cluster"},
	Remediation: "Launch the cluster into a subnet of a VPC with `instance_tenancy = \"dedicated\"`:\n\n" +
		"```hcl\nresource \"aws_vpc\" \"emr\" {\n  cidr_block       = \"10.0.0.0/16\"\n  instance_tenancy = \"dedicated\"\n}\n\n" +
		"resource \"aws_subnet\" \"emr\" {\n  vpc_id     = aws_vpc.emr.id\n  cidr_block = \"10.0.1.0/24\"\n}\n\n" +
		"resource \"aws_emr_cluster\" \"analytics\" {\n  ec2_attributes {\n    subnet_id        = aws_subnet.emr.id\n    instance_profile = aws_iam_instance_profile.emr.arn\n  }\n}\n```",
	Bad: `resource "aws_vpc" "emr" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "emr" {
  vpc_id     = aws_vpc.emr.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_emr_cluster" "analytics" {
  name          = "analytics"
  release_label = "emr-7.1.0"
  service_role  = aws_iam_role.emr.arn

  ec2_attributes {
    subnet_id        = aws_subnet.emr.id
    instance_profile = aws_iam_instance_profile.emr.arn
  }
}`,
	Good: `resource "aws_vpc" "emr" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_subnet" "emr" {
  vpc_id     = aws_vpc.emr.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_emr_cluster" "analytics" {
  name          = "analytics"
  release_label = "emr-7.1.0"
  service_role  = aws_iam_role.emr.arn

  ec2_attributes {
    subnet_id        = aws_subnet.emr.id
    instance_profile = aws_iam_instance_profile.emr.arn
  }
}`,
	Notes: []string{
		"`ec2_attributes.subnet_id` and `ec2_attributes.subnet_ids` (instance fleets) are both followed; every subnet must be in a dedicated VPC. Neither set means the default VPC, a finding.",
		"Subnets named by literal id or found through data sources are outside the configuration: undetermined, never a finding.",
		"Profile `current`: off. AWS dropped the Dedicated Instance requirement for PHI later in 2017; the rule runs only in `whitepaper`.",
	},
	Profiles: []string{ProfileWhitepaper},
	Check:    checkEMRDedicatedTenancy,
}

const emrTenancyFix = `launch the cluster into a subnet of a VPC with instance_tenancy = "dedicated"`

func checkEMRDedicatedTenancy(p *Pass, r *graph.Resource) {
	blocks := r.Blocks("ec2_attributes")
	if len(blocks) == 0 {
		p.ReportMissing(r, nil, "ec2_attributes.subnet_id", "no ec2_attributes subnet is set, so the cluster runs in the default VPC, whose tenancy is always \"default\"; %s", emrTenancyFix)
		return
	}
	ea := blocks[0]
	if ea.Unknown {
		p.Undetermined(r, ea, "a dynamic ec2_attributes block is not known before apply")
		return
	}
	type subnetAnswer struct {
		tenancyAnswer
		at *graph.Attribute
	}
	var answers []subnetAnswer
	for _, name := range []string{"subnet_id", "subnet_ids"} {
		if a := ea.Attr(name); a.IsSet() != graph.False {
			answers = append(answers, subnetAnswer{subnetsDedicated(p.Graph, a), a})
		}
	}
	if len(answers) == 0 {
		p.ReportMissing(r, ea, "subnet_id", "ec2_attributes sets no subnet_id or subnet_ids, so the cluster runs in the default VPC, whose tenancy is always \"default\"; %s", emrTenancyFix)
		return
	}
	for _, v := range answers {
		if v.answer == graph.False {
			p.Report(r, v.at, "%s; %s", v.why, emrTenancyFix)
			return
		}
	}
	for _, v := range answers {
		if v.answer == graph.Unknown {
			p.Undetermined(r, v.at, "dedicated tenancy cannot be verified: %s", v.why)
			return
		}
	}
}
