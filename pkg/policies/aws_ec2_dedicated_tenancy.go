package policies

import (
	"fmt"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// EC2DedicatedTenancy follows every way an instance can end up on shared
// hardware: its own tenancy, its subnet's VPC, its launch template, and the
// auto scaling groups that launch from a template or launch configuration.
var EC2DedicatedTenancy = &Rule{
	ID:    "aws-ec2-dedicated-tenancy",
	Title: "EC2 instances that handle PHI run on dedicated hardware",
	Description: `The 2017 whitepaper requires EC2 instances that process, store or transmit PHI to run as ` +
		`Dedicated Instances (or on Dedicated Hosts): physically isolated at the host hardware level from ` +
		`other AWS accounts. An instance gets there through its own tenancy, through the tenancy of the ` +
		`VPC its subnet belongs to, through a launch template's placement, or through a launch ` +
		`configuration's placement_tenancy. An instance on shared hardware is outside the BAA as the paper ` +
		`describes it.`,
	Severity:  High,
	Section:   "Amazon EC2",
	Citations: []string{CiteEncryption, CiteAccess},
	Service:   "ec2",
	Resources: []string{"aws_instance", "aws_spot_instance_request", "aws_launch_template", "aws_launch_configuration"},
	Remediation: "Set dedicated tenancy on the instance, template or launch configuration, or launch it into a VPC " +
		"whose `instance_tenancy` is `\"dedicated\"`:\n\n" +
		"```hcl\nresource \"aws_instance\" \"app\" {\n  tenancy   = \"dedicated\" # or \"host\"\n  subnet_id = aws_subnet.app.id\n}\n\n" +
		"resource \"aws_launch_template\" \"app\" {\n  placement {\n    tenancy = \"dedicated\"\n  }\n}\n\n" +
		"resource \"aws_launch_configuration\" \"app\" {\n  placement_tenancy = \"dedicated\"\n}\n```",
	Bad: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.app.id
}`,
	Good: `resource "aws_vpc" "main" {
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = "dedicated"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.app.id
}`,
	Notes: []string{
		"`aws_instance.tenancy` and `aws_spot_instance_request.tenancy` accept `default`, `dedicated` and `host`; omitted means the VPC decides. `host_id` or `host_resource_group_arn` place the instance on a Dedicated Host. A VPC with `instance_tenancy = \"dedicated\"` overrides an instance's `default`.",
		"An instance without `subnet_id`, network interface or launch template subnet launches into the default VPC, whose tenancy is always `default`.",
		"`aws_launch_template.placement.tenancy` accepts `default`, `dedicated` and `host`; a template is also fine when its `network_interfaces.subnet_id` is in a dedicated VPC, or when every auto scaling group (`launch_template`, `mixed_instances_policy`) and instance launching from it uses dedicated subnets. A template that nothing in the configuration uses, with none of these, is undetermined.",
		"`aws_launch_configuration.placement_tenancy` accepts `default` and `dedicated` (the attribute has had this name in every provider version); otherwise every `aws_autoscaling_group` using it must have `vpc_zone_identifier` subnets in dedicated VPCs.",
		"Subnets named by literal id or found through data sources are outside the configuration: undetermined, never a finding.",
		"Profile `current`: off. AWS dropped the Dedicated Instance requirement for PHI later in 2017; the rule runs only in `whitepaper`.",
	},
	Profiles: []string{ProfileWhitepaper},
	Check:    checkEC2DedicatedTenancy,
}

const ec2TenancyFix = `set tenancy = "dedicated" (or "host"), or launch into a VPC with instance_tenancy = "dedicated"`

func checkEC2DedicatedTenancy(p *Pass, r *graph.Resource) {
	switch r.Type {
	case "aws_instance", "aws_spot_instance_request":
		checkInstanceTenancy(p, r)
	case "aws_launch_template":
		checkLaunchTemplateTenancy(p, r)
	case "aws_launch_configuration":
		checkLaunchConfigurationTenancy(p, r)
	}
}

// instanceOwnTenancy answers whether the instance asks for single-tenant
// hardware itself (tenancy, host_id, host_resource_group_arn).
func instanceOwnTenancy(r *graph.Resource) graph.Tri {
	return graph.Or(
		dedicatedTenancyValue(r.Attr("tenancy")),
		r.Attr("host_id").IsSet(),
		r.Attr("host_resource_group_arn").IsSet(),
	)
}

func checkInstanceTenancy(p *Pass, r *graph.Resource) {
	own := instanceOwnTenancy(r)
	if own == graph.True {
		return
	}
	viaTemplate := tenancyAnswer{answer: graph.False}
	if specs := launchTemplateSpecs(r); len(specs) > 0 {
		viaTemplate = templateOwnTenancyOfSpecs(p.Graph, specs)
	}
	if viaTemplate.answer == graph.True {
		return
	}
	net := instanceNetwork(p.Graph, r)
	switch graph.Or(own, viaTemplate.answer, net.answer) {
	case graph.True:
		return
	case graph.False:
		tenancy := r.Attr("tenancy")
		if tenancy != nil {
			p.Report(r, tenancy, "tenancy is %q and %s; %s", enumLike(mustString(tenancy)), net.why, ec2TenancyFix)
			return
		}
		p.ReportMissing(r, nil, "tenancy", "tenancy is not set (default \"default\") and %s; %s", net.why, ec2TenancyFix)
	default:
		if tenancy := r.Attr("tenancy"); own == graph.Unknown && tenancy != nil && tenancy.IsSet() == graph.Unknown {
			p.Undetermined(r, tenancy, "tenancy is not known before apply")
			return
		}
		why := "host_id or host_resource_group_arn is not known before apply"
		switch {
		case net.answer == graph.Unknown:
			why = net.why
		case viaTemplate.answer == graph.Unknown:
			why = viaTemplate.why
		}
		p.Undetermined(r, nil, "dedicated tenancy cannot be verified: %s", why)
	}
}

func mustString(a *graph.Attribute) string {
	s, _ := a.String()
	return s
}

// instanceNetwork answers whether the VPC an instance launches into is
// dedicated: through subnet_id, a network interface, or its launch template's
// network interfaces, else the default VPC.
func instanceNetwork(g *graph.Graph, r *graph.Resource) tenancyAnswer {
	if a := r.Attr("subnet_id"); a.IsSet() != graph.False {
		return subnetsDedicated(g, a)
	}
	for _, typ := range []string{"primary_network_interface", "network_interface"} {
		for _, b := range r.Blocks(typ) {
			if b.Unknown {
				return tenancyAnswer{graph.Unknown, "a dynamic " + typ + " block is not known before apply"}
			}
			ni := b.Attr("network_interface_id")
			if ni == nil {
				continue
			}
			nis := g.Follow(ni, "aws_network_interface")
			if len(nis) == 0 {
				return tenancyAnswer{graph.Unknown, "the network interface is outside this configuration"}
			}
			return subnetsDedicated(g, nis[0].Attr("subnet_id"))
		}
	}
	if specs := launchTemplateSpecs(r); len(specs) > 0 {
		for _, spec := range specs {
			templates, ok := templatesOf(g, spec)
			if !ok {
				return tenancyAnswer{graph.Unknown, "the launch template is outside this configuration"}
			}
			for _, lt := range templates {
				if v, has := templateSubnets(g, lt); has {
					return v
				}
			}
		}
	}
	return tenancyAnswer{graph.False, "no subnet_id is set, so it launches into the default VPC, whose tenancy is always \"default\""}
}

// templateOwnTenancy answers whether a launch template's placement asks for
// single-tenant hardware.
func templateOwnTenancy(lt *graph.Resource) tenancyAnswer {
	out := tenancyAnswer{graph.False, fmt.Sprintf("launch template %s sets no dedicated placement", lt.Address)}
	for _, pl := range lt.Blocks("placement") {
		if pl.Unknown {
			return tenancyAnswer{graph.Unknown, "a dynamic placement block is not known before apply"}
		}
		t := graph.Or(
			dedicatedTenancyValue(pl.Attr("tenancy")),
			pl.Attr("host_id").IsSet(),
			pl.Attr("host_resource_group_arn").IsSet(),
		)
		switch t {
		case graph.True:
			return tenancyAnswer{answer: graph.True}
		case graph.Unknown:
			out = tenancyAnswer{graph.Unknown, fmt.Sprintf("the placement tenancy of launch template %s is not known before apply", lt.Address)}
		}
	}
	return out
}

func templateOwnTenancyOfSpecs(g *graph.Graph, specs []ltSpec) tenancyAnswer {
	out := tenancyAnswer{answer: graph.True}
	for _, spec := range specs {
		templates, ok := templatesOf(g, spec)
		if !ok {
			return tenancyAnswer{graph.Unknown, "the launch template is outside this configuration"}
		}
		// One template is named; candidates (a conditional) decide only
		// when they agree.
		answers := make([]tenancyAnswer, 0, len(templates))
		for _, lt := range templates {
			answers = append(answers, templateOwnTenancy(lt))
		}
		v := oneOf(answers, "the launch template may be any of several templates")
		if v.answer == graph.False {
			return v
		}
		if v.answer == graph.Unknown {
			out = v
		}
	}
	return out
}

// templateSubnets answers for the subnets a template's network interfaces
// name; has is false when none names one.
func templateSubnets(g *graph.Graph, lt *graph.Resource) (v tenancyAnswer, has bool) {
	v = tenancyAnswer{answer: graph.True}
	for _, ni := range lt.Blocks("network_interfaces") {
		if ni.Unknown {
			return tenancyAnswer{graph.Unknown, "a dynamic network_interfaces block is not known before apply"}, true
		}
		a := ni.Attr("subnet_id")
		if a.IsSet() == graph.False {
			continue
		}
		has = true
		sv := subnetsDedicated(g, a)
		switch sv.answer {
		case graph.False:
			return sv, true
		case graph.Unknown:
			v = sv
		}
	}
	return v, has
}

func checkLaunchTemplateTenancy(p *Pass, r *graph.Resource) {
	own := templateOwnTenancy(r)
	if own.answer == graph.True {
		return
	}
	net, has := templateSubnets(p.Graph, r)
	if !has {
		net = usersDedicated(p.Graph, r)
	}
	var placementTenancy *graph.Attribute
	if pls := r.Blocks("placement"); len(pls) > 0 {
		placementTenancy = pls[0].Attr("tenancy")
	}
	switch graph.Or(own.answer, net.answer) {
	case graph.True:
		return
	case graph.False:
		if placementTenancy != nil {
			p.Report(r, placementTenancy, "placement tenancy is %q and %s; set placement { tenancy = \"dedicated\" } (or \"host\"), or use subnets in a VPC with instance_tenancy = \"dedicated\"", enumLike(mustString(placementTenancy)), net.why)
			return
		}
		p.ReportMissing(r, nil, "placement.tenancy", "placement tenancy is not set (default \"default\") and %s; set placement { tenancy = \"dedicated\" } (or \"host\"), or use subnets in a VPC with instance_tenancy = \"dedicated\"", net.why)
	default:
		if own.answer == graph.Unknown && placementTenancy != nil {
			p.Undetermined(r, placementTenancy, "%s", own.why)
			return
		}
		why := net.why
		if net.answer != graph.Unknown {
			why = own.why
		}
		p.Undetermined(r, nil, "dedicated tenancy cannot be verified: %s", why)
	}
}

// usersDedicated answers whether everything that launches from a template or
// launch configuration launches into dedicated VPCs; Unknown when nothing in
// the configuration uses it.
func usersDedicated(g *graph.Graph, r *graph.Resource) tenancyAnswer {
	kind := "launch template"
	if r.Type == "aws_launch_configuration" {
		kind = "launch configuration"
	}
	out := tenancyAnswer{answer: graph.True}
	n := 0
	for _, asg := range asgUsers(g, r) {
		n++
		v := asgDedicated(g, asg)
		switch v.answer {
		case graph.False:
			return v
		case graph.Unknown:
			out = v
		}
	}
	if r.Type == "aws_launch_template" {
		for _, inst := range instanceUsers(g, r) {
			n++
			v := tenancyAnswer{answer: graph.True}
			if instanceOwnTenancy(inst) != graph.True {
				if a := inst.Attr("subnet_id"); a.IsSet() != graph.False {
					v = subnetsDedicated(g, a)
				} else {
					v = tenancyAnswer{graph.False, fmt.Sprintf("instance %s launches from it into the default VPC", inst.Address)}
				}
			}
			switch v.answer {
			case graph.False:
				if a := inst.Attr("subnet_id"); a.IsSet() != graph.False {
					v.why = fmt.Sprintf("instance %s launches from it: %s", inst.Address, v.why)
				}
				return v
			case graph.Unknown:
				out = v
			}
		}
	}
	if n == 0 {
		return tenancyAnswer{graph.Unknown, fmt.Sprintf("no subnet or auto scaling group using this %s is in the configuration", kind)}
	}
	return out
}

func checkLaunchConfigurationTenancy(p *Pass, r *graph.Resource) {
	pt := r.Attr("placement_tenancy")
	own := dedicatedTenancyValue(pt)
	if own == graph.True {
		return
	}
	users := usersDedicated(p.Graph, r)
	switch graph.Or(own, users.answer) {
	case graph.True:
		return
	case graph.False:
		if pt != nil {
			p.Report(r, pt, "placement_tenancy is %q and %s; set placement_tenancy = \"dedicated\", or use subnets in a VPC with instance_tenancy = \"dedicated\"", enumLike(mustString(pt)), users.why)
			return
		}
		p.ReportMissing(r, nil, "placement_tenancy", "placement_tenancy is not set (default \"default\") and %s; set placement_tenancy = \"dedicated\", or use subnets in a VPC with instance_tenancy = \"dedicated\"", users.why)
	default:
		if own == graph.Unknown {
			p.Undetermined(r, pt, "placement_tenancy is not known before apply")
			return
		}
		p.Undetermined(r, nil, "dedicated tenancy cannot be verified: %s", users.why)
	}
}

// instanceUsers returns the instances and spot requests that launch from a
// template, by reference or by its literal name.
func instanceUsers(g *graph.Graph, lt *graph.Resource) []*graph.Resource {
	seen := map[*graph.Resource]bool{}
	var out []*graph.Resource
	add := func(r *graph.Resource) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, typ := range []string{"aws_instance", "aws_spot_instance_request"} {
		for _, e := range g.Referrers(lt, typ) {
			add(e.From)
		}
	}
	if name, named := lt.Attr("name").String(); named {
		for _, inst := range tenancyIndexOf(g).instByLTName[name] {
			add(inst)
		}
	}
	return out
}
