package policies

import (
	"fmt"
	"sync"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Dedicated tenancy is decided two hops away from the compute resource: an
// instance runs on dedicated hardware when it asks for it, or when its subnet
// lies in a VPC whose instance_tenancy is "dedicated" (the VPC setting wins
// over the instance's own "default"). These helpers walk instance → subnet →
// VPC and say why when the answer is no, so messages can name the VPC.

// tenancyAnswer is a three-valued answer with the reason a user needs to act on.
type tenancyAnswer struct {
	answer graph.Tri
	// why explains a False or Unknown answer ("subnet aws_subnet.app is in
	// aws_vpc.main whose instance_tenancy is \"default\"").
	why string
}

// maxWiringDepth bounds walks through wiring that may loop (a snapshot copied
// from a copy of itself is impossible, but a broken configuration can say so).
const maxWiringDepth = 8

// dedicatedTenancyValue answers whether an instance-level tenancy setting
// ("tenancy", "placement_tenancy", "placement.tenancy") puts instances on
// single-tenant hardware. "host" (Dedicated Hosts) is accepted by the paper too.
func dedicatedTenancyValue(a *graph.Attribute) graph.Tri {
	if a == nil {
		return graph.False
	}
	s, ok := a.String()
	if !ok {
		return graph.Unknown
	}
	return graph.TriOf(s == "dedicated" || s == "host")
}

// vpcDedicated answers whether instances launched into the VPC are Dedicated
// Instances. instance_tenancy defaults to "default" on every provider version.
func vpcDedicated(vpc *graph.Resource) tenancyAnswer {
	if vpc.Type == "aws_default_vpc" {
		// A default VPC is always created with default tenancy, and AWS cannot
		// change a VPC from default to dedicated.
		return tenancyAnswer{graph.False, fmt.Sprintf("%s, a default VPC whose tenancy is always \"default\"", vpc.Address)}
	}
	a := vpc.Attr("instance_tenancy")
	if a == nil {
		return tenancyAnswer{graph.False, fmt.Sprintf("%s whose instance_tenancy is not set (default \"default\")", vpc.Address)}
	}
	s, ok := a.String()
	if !ok {
		return tenancyAnswer{graph.Unknown, fmt.Sprintf("the instance_tenancy of %s is not known before apply", vpc.Address)}
	}
	if s == "dedicated" {
		return tenancyAnswer{answer: graph.True}
	}
	return tenancyAnswer{graph.False, fmt.Sprintf("%s whose instance_tenancy is %q", vpc.Address, enumLike(s))}
}

// subnetDedicated answers whether a subnet's VPC is dedicated.
func subnetDedicated(g *graph.Graph, subnet *graph.Resource) tenancyAnswer {
	if subnet.Type == "aws_default_subnet" {
		return tenancyAnswer{graph.False, fmt.Sprintf("subnet %s is a default subnet, in the default VPC whose tenancy is always \"default\"", subnet.Address)}
	}
	vpcAttr := subnet.Attr("vpc_id")
	vpcs := append(g.Follow(vpcAttr, "aws_vpc"), g.Follow(vpcAttr, "aws_default_vpc")...)
	if len(vpcs) == 0 {
		return tenancyAnswer{graph.Unknown, fmt.Sprintf("the VPC of subnet %s is outside this configuration", subnet.Address)}
	}
	answers := make([]tenancyAnswer, 0, len(vpcs))
	for _, vpc := range vpcs {
		v := vpcDedicated(vpc)
		if v.answer == graph.False {
			v.why = fmt.Sprintf("subnet %s is in %s", subnet.Address, v.why)
		}
		answers = append(answers, v)
	}
	return oneOf(answers, fmt.Sprintf("the vpc_id of subnet %s may name any of several VPCs of different tenancy", subnet.Address))
}

// subnetsDedicated answers whether every subnet an attribute names
// (subnet_id, subnet_ids, vpc_zone_identifier) lies in a dedicated VPC.
// Subnets named by literal id or by data sources are outside the graph, so the
// answer is Unknown unless some subnet in the graph already answers False.
func subnetsDedicated(g *graph.Graph, a *graph.Attribute) tenancyAnswer {
	if a == nil {
		return tenancyAnswer{graph.Unknown, "no subnet is named"}
	}
	var subnets []*graph.Resource
	outside := hasLiteralOrUnknownIDs(a)
	for _, ref := range a.Refs {
		targets := g.Resolve(ref)
		if len(targets) == 0 {
			// A remote module's output, or a resource the graph does not hold.
			outside = true
		}
		for _, t := range targets {
			if t.Mode == graph.Managed && (t.Type == "aws_subnet" || t.Type == "aws_default_subnet") {
				subnets = append(subnets, t)
			} else {
				outside = true
			}
		}
	}
	subnets = dedupeResources(subnets)
	answers := make([]tenancyAnswer, 0, len(subnets))
	for _, s := range subnets {
		answers = append(answers, tenancyIndexOf(g).subnetAnswer(g, s))
	}
	if a.Name == "subnet_id" {
		// One subnet, but the expression may name several candidates (a
		// conditional, each.value over a map, an unexpanded index): only an
		// answer every candidate agrees on is an answer.
		if outside || len(subnets) == 0 {
			return tenancyAnswer{graph.Unknown, fmt.Sprintf("the subnet named by %s is outside this configuration", a.Name)}
		}
		return oneOf(answers, "subnet_id may name any of several subnets, in VPCs of different tenancy")
	}
	// A list of subnets: every one of them must be in a dedicated VPC.
	out := tenancyAnswer{answer: graph.True}
	if len(subnets) == 0 {
		out = tenancyAnswer{graph.Unknown, fmt.Sprintf("the subnets named by %s are outside this configuration", a.Name)}
	}
	for _, v := range answers {
		switch v.answer {
		case graph.False:
			return v
		case graph.Unknown:
			out = v
		}
	}
	if outside && out.answer == graph.True {
		out = tenancyAnswer{graph.Unknown, fmt.Sprintf("some subnets named by %s are outside this configuration", a.Name)}
	}
	return out
}

// oneOf combines the answers for the candidates of a single-valued reference:
// the candidates' common answer, else Unknown.
func oneOf(answers []tenancyAnswer, mixedWhy string) tenancyAnswer {
	if len(answers) == 0 {
		return tenancyAnswer{graph.Unknown, mixedWhy}
	}
	first := answers[0]
	for _, v := range answers[1:] {
		if v.answer != first.answer {
			return tenancyAnswer{graph.Unknown, mixedWhy}
		}
		if v.answer == graph.Unknown {
			return v
		}
	}
	return first
}

// hasLiteralOrUnknownIDs answers whether the value holds ids that cannot be
// followed: literal strings ("subnet-0abc"), or an unknown value that no
// reference explains (a variable without a value). Ids of resources created by
// the configuration are unknown before apply, so known strings are literals.
func hasLiteralOrUnknownIDs(a *graph.Attribute) bool {
	v := a.Value
	if v == cty.NilVal {
		return false
	}
	if !v.IsKnown() {
		return len(a.Refs) == 0
	}
	if v.IsNull() {
		return false
	}
	ty := v.Type()
	if ty == cty.String {
		return v.AsString() != ""
	}
	if ty.IsListType() || ty.IsSetType() || ty.IsTupleType() {
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if !ev.IsKnown() {
				if len(a.Refs) == 0 {
					return true
				}
				continue
			}
			if !ev.IsNull() && ev.Type() == cty.String && ev.AsString() != "" {
				return true
			}
		}
	}
	return false
}

// enumLike echoes a setting only when it looks like an enum value, so a
// message never carries free text from the configuration.
func enumLike(s string) string {
	if len(s) > 40 {
		return "…"
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' || r == ':') {
			return "…"
		}
	}
	return s
}

// asgUsers returns the auto scaling groups that launch from r, a launch
// template or launch configuration, by reference or by literal name.
func asgUsers(g *graph.Graph, r *graph.Resource) []*graph.Resource {
	seen := map[*graph.Resource]bool{}
	var out []*graph.Resource
	add := func(asg *graph.Resource) {
		if !seen[asg] {
			seen[asg] = true
			out = append(out, asg)
		}
	}
	for _, e := range g.Referrers(r, "aws_autoscaling_group") {
		add(e.From)
	}
	name, named := r.Attr("name").String()
	if !named {
		return out
	}
	idx := tenancyIndexOf(g)
	users := idx.asgByLTName[name]
	if r.Type == "aws_launch_configuration" {
		users = idx.asgByLCName[name]
	}
	for _, asg := range users {
		add(asg)
	}
	return out
}

// ltSpec is a block naming a launch template: `launch_template { id, name }`
// on instances and groups, `launch_template_specification { launch_template_id,
// launch_template_name }` inside a mixed instances policy.
type ltSpec struct {
	*graph.Block
	idAttr, nameAttr string
}

// launchTemplateSpecs returns every block of r that names a launch template.
func launchTemplateSpecs(r *graph.Resource) []ltSpec {
	var out []ltSpec
	for _, b := range r.Blocks("launch_template") {
		out = append(out, ltSpec{b, "id", "name"})
	}
	for _, mip := range r.Blocks("mixed_instances_policy") {
		for _, lt := range mip.NestedBlocks("launch_template") {
			for _, s := range lt.NestedBlocks("launch_template_specification") {
				out = append(out, ltSpec{s, "launch_template_id", "launch_template_name"})
			}
			for _, o := range lt.NestedBlocks("override") {
				for _, s := range o.NestedBlocks("launch_template_specification") {
					out = append(out, ltSpec{s, "launch_template_id", "launch_template_name"})
				}
			}
		}
	}
	return out
}

// templatesOf resolves a launch template spec to the templates in the graph.
// ok is false when the spec names a template the graph does not hold.
func templatesOf(g *graph.Graph, spec ltSpec) (templates []*graph.Resource, ok bool) {
	for _, attr := range []string{spec.idAttr, spec.nameAttr} {
		a := spec.Attr(attr)
		if a == nil {
			continue
		}
		if len(a.Refs) > 0 {
			found := g.Follow(a, "aws_launch_template")
			return found, len(found) > 0
		}
		if s, known := a.String(); known {
			if attr == spec.nameAttr {
				found := g.WithAttrValue("aws_launch_template", "name", s)
				return found, len(found) > 0
			}
			return nil, false
		}
		return nil, false
	}
	return nil, false
}

// asgDedicated answers whether an auto scaling group launches into dedicated
// VPCs. A group without vpc_zone_identifier launches into the default VPC.
func asgDedicated(g *graph.Graph, asg *graph.Resource) tenancyAnswer {
	a := asg.Attr("vpc_zone_identifier")
	if a.IsSet() == graph.False {
		return tenancyAnswer{graph.False, fmt.Sprintf("auto scaling group %s launches from it with no vpc_zone_identifier, so into the default VPC", asg.Address)}
	}
	v := subnetsDedicated(g, a)
	if v.answer == graph.False {
		v.why = fmt.Sprintf("auto scaling group %s launches from it: %s", asg.Address, v.why)
	}
	return v
}

func dedupeResources(rs []*graph.Resource) []*graph.Resource {
	if len(rs) < 2 {
		return rs
	}
	seen := make(map[*graph.Resource]bool, len(rs))
	out := rs[:0]
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// tenancyIndex holds what the tenancy rules look up many times per graph:
// the users of each launch template and launch configuration by literal name
// (else every template scans every group: templates × groups), and each
// subnet's answer (shared by every instance, group and cluster in it).
type tenancyIndex struct {
	asgByLCName  map[string][]*graph.Resource
	asgByLTName  map[string][]*graph.Resource
	instByLTName map[string][]*graph.Resource

	mu      sync.Mutex
	subnets map[*graph.Resource]tenancyAnswer
}

// tenancyIndexKey memoizes the tenancy index on the graph, shared by the
// tenancy rules.
type tenancyIndexKey struct{}

func tenancyIndexOf(g *graph.Graph) *tenancyIndex {
	return g.Memo(tenancyIndexKey{}, func() any { return buildTenancyIndex(g) }).(*tenancyIndex)
}

func buildTenancyIndex(g *graph.Graph) *tenancyIndex {
	idx := &tenancyIndex{
		asgByLCName:  map[string][]*graph.Resource{},
		asgByLTName:  map[string][]*graph.Resource{},
		instByLTName: map[string][]*graph.Resource{},
		subnets:      map[*graph.Resource]tenancyAnswer{},
	}
	for _, asg := range g.OfType("aws_autoscaling_group") {
		if s, ok := asg.Attr("launch_configuration").String(); ok {
			idx.asgByLCName[s] = append(idx.asgByLCName[s], asg)
		}
		for _, spec := range launchTemplateSpecs(asg) {
			if s, ok := spec.Attr(spec.nameAttr).String(); ok {
				idx.asgByLTName[s] = append(idx.asgByLTName[s], asg)
			}
		}
	}
	for _, typ := range []string{"aws_instance", "aws_spot_instance_request"} {
		for _, inst := range g.OfType(typ) {
			for _, spec := range launchTemplateSpecs(inst) {
				if s, ok := spec.Attr(spec.nameAttr).String(); ok {
					idx.instByLTName[s] = append(idx.instByLTName[s], inst)
				}
			}
		}
	}
	return idx
}

// subnetAnswer is subnetDedicated, computed once per subnet.
func (idx *tenancyIndex) subnetAnswer(g *graph.Graph, subnet *graph.Resource) tenancyAnswer {
	idx.mu.Lock()
	v, ok := idx.subnets[subnet]
	idx.mu.Unlock()
	if ok {
		return v
	}
	v = subnetDedicated(g, subnet)
	idx.mu.Lock()
	idx.subnets[subnet] = v
	idx.mu.Unlock()
	return v
}
