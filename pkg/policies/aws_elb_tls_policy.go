package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// ELBTLSPolicy asks HTTPS/TLS listeners to negotiate TLS 1.2 or later only.
var ELBTLSPolicy = &Rule{
	ID:    "aws-elb-tls-policy",
	Title: "Load balancer TLS policies allow only TLS 1.2 and later",
	Description: "The whitepaper asks customers to \"evaluate their certificates and session negotiation " +
		"policies and maintain them consistent to the Guidance\" (HHS guidance points to NIST SP 800-52, " +
		"which requires TLS 1.2 or later). The security policy of an HTTPS or TLS listener decides which " +
		"protocol versions clients may negotiate; the API default, ELBSecurityPolicy-2016-08, still accepts " +
		"TLS 1.0 and 1.1, so a client can be downgraded to a protocol with known weaknesses.",
	Severity:  Medium,
	Section:   "Elastic Load Balancing",
	Citations: []string{CiteTransmission},
	Service:   "elb",
	Resources: []string{"aws_lb_listener", "aws_alb_listener", "aws_elb", "aws_load_balancer_policy", "aws_lb_ssl_negotiation_policy"},
	Remediation: "Name a TLS 1.2+ policy on every HTTPS or TLS listener:\n\n" +
		"```hcl\nresource \"aws_lb_listener\" \"https\" {\n  protocol   = \"HTTPS\"\n" +
		"  ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"\n  # ...\n}\n```\n\n" +
		"For a Classic load balancer, create an `SSLNegotiationPolicyType` policy that references a TLS 1.2 " +
		"policy and attach it to the listener's port:\n\n" +
		"```hcl\nresource \"aws_load_balancer_policy\" \"tls12\" {\n  load_balancer_name = aws_elb.web.name\n" +
		"  policy_name        = \"tls12\"\n  policy_type_name   = \"SSLNegotiationPolicyType\"\n\n  policy_attribute {\n" +
		"    name  = \"Reference-Security-Policy\"\n    value = \"ELBSecurityPolicy-TLS-1-2-2017-01\"\n  }\n}\n\n" +
		"resource \"aws_load_balancer_listener_policy\" \"web_443\" {\n  load_balancer_name = aws_elb.web.name\n" +
		"  load_balancer_port = 443\n  policy_names       = [aws_load_balancer_policy.tls12.policy_name]\n}\n```",
	Bad: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = aws_acm_certificate.app.arn
  # no ssl_policy: ELBSecurityPolicy-2016-08 accepts TLS 1.0

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}`,
	Good: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.app.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}`,
	Notes: []string{
		"Accepted: `ELBSecurityPolicy-TLS13-1-2-*`, `-TLS13-1-3-*`, `-TLS-1-2-*`, `-FS-1-2-*` (FIPS, " +
			"post-quantum and `Res`/`Ext` variants included). Rejected: `ELBSecurityPolicy-2016-08`, `-2015-05`, " +
			"`-TLS-1-0-2015-04`, `-TLS-1-1-2017-01`, `-FS-2018-06`, `-FS-1-1-2019-08`, `-TLS13-1-0-*`, " +
			"`-TLS13-1-1-*`, and the older dated Classic policies. Another name is undetermined.",
		"`aws_lb_listener.ssl_policy` is optional and computed: omitted on an `HTTPS` or `TLS` listener, the " +
			"API applies `ELBSecurityPolicy-2016-08` (the console's default is `ELBSecurityPolicy-TLS13-1-2-2021-06`, " +
			"but Terraform calls the API). Listeners that are not HTTPS or TLS are not checked.",
		"Classic (`aws_elb`): each `HTTPS`/`SSL` listener needs a policy on its port, either an " +
			"`aws_lb_ssl_negotiation_policy` (`load_balancer`, `lb_port`) or an `aws_load_balancer_policy` of type " +
			"`SSLNegotiationPolicyType` attached by `aws_load_balancer_listener_policy` (`load_balancer_name`, " +
			"`load_balancer_port`, `policy_names`), matched by reference or by literal name. Without one the " +
			"listener uses `ELBSecurityPolicy-2016-08`; a predefined policy named directly in `policy_names` is " +
			"undetermined. The policies are judged on their own resource: a " +
			"`Reference-Security-Policy` attribute by the lists above; custom attributes fail when " +
			"`Protocol-SSLv2`, `Protocol-SSLv3`, `Protocol-TLSv1` or `Protocol-TLSv1.1` is `true`, pass when the " +
			"last three are `false`, and are undetermined when one of them is left out.",
		"Unchanged across provider versions 3–6. Same in both profiles.",
	},
	Check: checkELBTLSPolicy,
}

func checkELBTLSPolicy(p *Pass, r *graph.Resource) {
	switch r.Type {
	case "aws_elb":
		checkClassicTLSPolicies(p, r)
	case "aws_load_balancer_policy":
		t := setAttr(r.Attr("policy_type_name"))
		s, ok := t.String()
		if !ok {
			if t != nil {
				p.Undetermined(r, t, "policy_type_name is not known before apply")
			}
			return
		}
		if s == "SSLNegotiationPolicyType" {
			checkNegotiationPolicy(p, r, "policy_attribute")
		}
	case "aws_lb_ssl_negotiation_policy":
		checkNegotiationPolicy(p, r, "attribute")
	default:
		checkListenerTLSPolicy(p, r)
	}
}

func checkListenerTLSPolicy(p *Pass, r *graph.Resource) {
	lp := protocolOfListener(p, r)
	pol := setAttr(r.Attr("ssl_policy"))
	switch {
	case lp.gateway:
		return
	case lp.proto == "" && lp.attr != nil:
		// The protocol is not known: the policy matters only if it is HTTPS or TLS.
		if pol != nil {
			if s, ok := pol.String(); ok {
				if v, _ := classifyTLSPolicy(s); v == graph.True {
					return
				}
			}
		}
		p.Undetermined(r, lp.attr, "protocol is not known before apply, so whether ssl_policy applies cannot be decided")
		return
	case lp.proto != "HTTPS" && lp.proto != "TLS":
		return
	}
	if pol == nil {
		p.ReportMissing(r, nil, "ssl_policy", "ssl_policy is not set; the API default %s allows TLS 1.0; set ssl_policy = %q", defaultTLSPolicy, recommendedTLSPolicy)
		return
	}
	s, ok := pol.String()
	if !ok {
		p.Undetermined(r, pol, "ssl_policy is not known before apply")
		return
	}
	switch v, allows := classifyTLSPolicy(s); v {
	case graph.False:
		p.Report(r, pol, "ssl_policy %s allows %s; set ssl_policy = %q", policyNameForMessage(s), allows, recommendedTLSPolicy)
	case graph.Unknown:
		p.Undetermined(r, pol, "ssl_policy is not a predefined ELB security policy this rule knows")
	}
}

// negotiationAttrs reads the name/value blocks of a Classic SSL negotiation
// policy, keyed by attribute name.
func negotiationAttrs(r *graph.Resource, block string) (attrs map[string]*graph.Attribute, open bool) {
	attrs = map[string]*graph.Attribute{}
	if r.Body.HasUnknownBlocks(block) {
		open = true
	}
	for _, b := range r.Blocks(block) {
		if b.Unknown {
			continue
		}
		name, ok := b.Attr("name").String()
		if !ok {
			open = true
			continue
		}
		if v := b.Attr("value"); v != nil {
			attrs[name] = v
		} else {
			open = true
		}
	}
	return attrs, open
}

// legacyProtocols are the SSL negotiation attributes that enable protocols
// older than TLS 1.2. Protocol-SSLv2 is no longer offered, so it need not be
// turned off explicitly, but it must not be turned on.
var legacyProtocols = []string{"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}

func checkNegotiationPolicy(p *Pass, r *graph.Resource, block string) {
	attrs, open := negotiationAttrs(r, block)
	if ref := attrs["Reference-Security-Policy"]; ref != nil {
		s, ok := ref.String()
		if !ok {
			p.Undetermined(r, ref, "Reference-Security-Policy is not known before apply")
			return
		}
		switch v, allows := classifyTLSPolicy(s); v {
		case graph.False:
			p.Report(r, ref, "Reference-Security-Policy %s allows %s; reference %q", policyNameForMessage(s), allows, recommendedClassicPolicy)
		case graph.Unknown:
			p.Undetermined(r, ref, "Reference-Security-Policy is not a predefined ELB security policy this rule knows")
		}
		return
	}
	var missing []string
	for _, name := range legacyProtocols {
		a := attrs[name]
		if a == nil {
			if name != "Protocol-SSLv2" {
				missing = append(missing, name)
			}
			continue
		}
		switch a.Bool() {
		case graph.True:
			p.Report(r, a, "%s is true; set it to \"false\" (or reference %q)", name, recommendedClassicPolicy)
			return
		case graph.Unknown:
			p.Undetermined(r, a, "%s is not known before apply", name)
			return
		}
	}
	switch {
	case open:
		p.Undetermined(r, nil, "the policy's attributes depend on values not known before apply")
	case len(missing) > 0:
		verb := " are"
		if len(missing) == 1 {
			verb = " is"
		}
		p.Undetermined(r, nil, "%s not set to \"false\", and a custom policy's protocol defaults cannot be verified; reference %q instead", strings.Join(missing, ", ")+verb, recommendedClassicPolicy)
	}
}

// checkClassicTLSPolicies reports HTTPS/SSL listeners of an aws_elb that no
// SSL negotiation policy is attached to.
func checkClassicTLSPolicies(p *Pass, elb *graph.Resource) {
	if elb.Body.HasUnknownBlocks("listener") {
		p.Undetermined(elb, nil, "listener blocks depend on values not known before apply")
	}
	for _, l := range elb.Blocks("listener") {
		if l.Unknown {
			continue
		}
		front := l.Attr("lb_protocol")
		if front == nil {
			continue // required: the configuration does not apply
		}
		fp, ok := upperString(front)
		if !ok {
			p.Undetermined(elb, nodeOr(front, l), "lb_protocol is not known before apply")
			continue
		}
		if fp != "HTTPS" && fp != "SSL" {
			continue
		}
		port := l.Attr("lb_port")
		n, ok := port.Int()
		if !ok {
			p.Undetermined(elb, nodeOr(port, l), "lb_port is not known before apply, so the SSL negotiation policy attached to it cannot be found")
			continue
		}
		switch classicPolicyAttached(p, elb, n) {
		case graph.False:
			p.ReportMissing(elb, l, "policy", "%s listener on port %d has no SSL negotiation policy, so it uses %s, which allows TLS 1.0; attach a policy referencing %q", fp, n, defaultTLSPolicy, recommendedClassicPolicy)
		case graph.Unknown:
			p.Undetermined(elb, l, "an SSL negotiation policy names a load balancer or port not known before apply; it may be this listener's")
		}
	}
}

// classicPolicyAttached answers whether an SSL negotiation policy applies to
// the listener on port of elb. The policy itself is judged on its resource.
func classicPolicyAttached(p *Pass, elb *graph.Resource, port int64) graph.Tri {
	answer := graph.False
	for _, pol := range p.Graph.OfType("aws_lb_ssl_negotiation_policy") {
		on := graph.And(namesClassicLB(p, pol.Attr("load_balancer"), elb), portIs(pol.Attr("lb_port"), port))
		answer = graph.Or(answer, on)
	}
	for _, lp := range p.Graph.OfType("aws_load_balancer_listener_policy") {
		on := graph.And(namesClassicLB(p, lp.Attr("load_balancer_name"), elb), portIs(lp.Attr("load_balancer_port"), port))
		if on == graph.False {
			continue
		}
		answer = graph.Or(answer, graph.And(on, namesNegotiationPolicy(p, lp.Attr("policy_names"), elb)))
	}
	return answer
}

// namesClassicLB answers whether a (load_balancer, load_balancer_name) names
// elb: by reference, or by its literal name.
func namesClassicLB(p *Pass, a *graph.Attribute, elb *graph.Resource) graph.Tri {
	if a == nil {
		return graph.False
	}
	if targets := followManaged(p, a, "aws_elb"); len(targets) > 0 {
		for _, t := range targets {
			if t == elb {
				return graph.True
			}
		}
		return graph.False
	}
	s, ok := a.String()
	if !ok {
		if len(a.Refs) > 0 {
			return graph.False // names something else that is not an aws_elb here
		}
		return graph.Unknown
	}
	name := setAttr(elb.Attr("name"))
	if name == nil {
		return graph.False // a generated name no literal can equal
	}
	n, ok := name.String()
	if !ok {
		return graph.Unknown
	}
	return graph.TriOf(n == s)
}

func portIs(a *graph.Attribute, port int64) graph.Tri {
	n, ok := a.Int()
	if !ok {
		if a == nil {
			return graph.False
		}
		return graph.Unknown
	}
	return graph.TriOf(n == port)
}

// namesNegotiationPolicy answers whether a listener policy's policy_names
// include an SSL negotiation policy defined on elb (or a predefined one).
func namesNegotiationPolicy(p *Pass, a *graph.Attribute, elb *graph.Resource) graph.Tri {
	if a == nil {
		return graph.False
	}
	for _, pol := range followManaged(p, a, "aws_load_balancer_policy") {
		if isNegotiationPolicy(pol) != graph.False {
			return graph.True
		}
	}
	names, ok := stringsOf(a)
	if !ok {
		if len(a.Refs) > 0 {
			return graph.False
		}
		return graph.Unknown
	}
	answer := graph.False
	for _, n := range names {
		if v, _ := classifyTLSPolicy(n); v != graph.Unknown {
			// A predefined policy named directly: this rule does not judge
			// that form, so the listener's answer stays open.
			answer = graph.Or(answer, graph.Unknown)
		}
		for _, pol := range p.Graph.WithAttrValue("aws_load_balancer_policy", "policy_name", n) {
			if namesClassicLB(p, pol.Attr("load_balancer_name"), elb) != graph.False {
				answer = graph.Or(answer, isNegotiationPolicy(pol))
			}
		}
	}
	return answer
}

func isNegotiationPolicy(pol *graph.Resource) graph.Tri {
	s, ok := pol.Attr("policy_type_name").String()
	if !ok {
		return graph.Unknown
	}
	return graph.TriOf(s == "SSLNegotiationPolicyType")
}
