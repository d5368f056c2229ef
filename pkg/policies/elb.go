package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Elastic Load Balancing wiring shared by the aws-elb-* rules. The whitepaper
// accepts two architectures: TLS terminated on the load balancer and again to
// the back end, or TCP pass-through to back ends that terminate TLS
// themselves. Which one a listener is depends on the load balancer it belongs
// to (aws_lb: application, network or gateway) and on the target groups it
// forwards to, so the rules follow these edges in both directions.

// Load balancer types, as aws_lb.load_balancer_type writes them.
const (
	lbApplication = "application"
	lbNetwork     = "network"
	lbGateway     = "gateway"
)

// The resource types of ELBv2 and their aliases (aws_alb* are the same
// resources under their pre-NLB names).
var (
	elbv2LoadBalancerTypes = []string{"aws_lb", "aws_alb"}
	elbv2ListenerTypes     = []string{"aws_lb_listener", "aws_alb_listener"}
	elbv2ListenerRuleTypes = []string{"aws_lb_listener_rule", "aws_alb_listener_rule"}
)

func isListenerType(typ string) bool {
	return typ == "aws_lb_listener" || typ == "aws_alb_listener"
}

// loadBalancerType reads aws_lb.load_balancer_type, "application" when omitted.
func loadBalancerType(lb *graph.Resource) (string, bool) {
	a := setAttr(lb.Attr("load_balancer_type"))
	if a == nil {
		return lbApplication, true
	}
	s, ok := a.String()
	if !ok {
		return "", false
	}
	return strings.ToLower(strings.TrimSpace(s)), true
}

// followManaged returns the managed resources of any of the types that a
// refers to; a data source stands for something outside the configuration.
func followManaged(p *Pass, a *graph.Attribute, types ...string) []*graph.Resource {
	var out []*graph.Resource
	for _, typ := range types {
		for _, r := range p.Graph.Follow(a, typ) {
			if r.Mode == graph.Managed {
				out = append(out, r)
			}
		}
	}
	return out
}

// listenerLB is what is known of the load balancer a listener belongs to.
type listenerLB struct {
	// kind is the load balancer type, "" when not known.
	kind string
	// lb is the load balancer when it is in the configuration.
	lb *graph.Resource
}

// loadBalancerOf follows a listener's load_balancer_arn. A literal ARN names
// the type itself (`loadbalancer/app/`, `/net/`, `/gwy/`), as the provider
// reads it to pick the default protocol.
func loadBalancerOf(p *Pass, l *graph.Resource) listenerLB {
	a := l.Attr("load_balancer_arn")
	if a == nil {
		return listenerLB{}
	}
	lbs := followManaged(p, a, elbv2LoadBalancerTypes...)
	if len(lbs) > 0 {
		kind := ""
		for i, lb := range lbs {
			k, ok := loadBalancerType(lb)
			if !ok || (i > 0 && k != kind) {
				return listenerLB{lb: lbs[0]}
			}
			kind = k
		}
		return listenerLB{kind: kind, lb: lbs[0]}
	}
	if len(a.Refs) > 0 {
		return listenerLB{}
	}
	if s, ok := a.String(); ok {
		return listenerLB{kind: lbTypeFromARN(s)}
	}
	return listenerLB{}
}

// lbTypeFromARN reads the type from a load balancer ARN, "" if it is not one.
func lbTypeFromARN(arn string) string {
	switch {
	case strings.Contains(arn, ":loadbalancer/app/"):
		return lbApplication
	case strings.Contains(arn, ":loadbalancer/net/"):
		return lbNetwork
	case strings.Contains(arn, ":loadbalancer/gwy/"):
		return lbGateway
	}
	return ""
}

// targetGroupNameFromARN returns the name in a target group ARN
// (`arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>`).
func targetGroupNameFromARN(arn string) (string, bool) {
	_, rest, ok := strings.Cut(arn, ":targetgroup/")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "/")
	return name, ok && name != ""
}

// listenerProtocol is a listener's protocol as the load balancer applies it.
type listenerProtocol struct {
	// proto is upper case; "" when not known (see why).
	proto string
	// attr is the protocol attribute, nil when omitted.
	attr *graph.Attribute
	// defaulted marks HTTP taken from the application load balancer default.
	defaulted bool
	// gateway marks a gateway load balancer listener, which has no protocol.
	gateway bool
	lb      listenerLB
	why     string
}

func protocolOfListener(p *Pass, l *graph.Resource) listenerProtocol {
	lb := loadBalancerOf(p, l)
	out := listenerProtocol{lb: lb, attr: setAttr(l.Attr("protocol"))}
	if lb.kind == lbGateway {
		out.gateway = true
		return out
	}
	if out.attr != nil {
		s, ok := out.attr.String()
		if !ok {
			out.why = "protocol is not known before apply"
			return out
		}
		out.proto = strings.ToUpper(strings.TrimSpace(s))
		if out.proto == "GENEVE" {
			out.gateway = true
		}
		return out
	}
	switch lb.kind {
	case lbApplication:
		out.proto, out.defaulted = "HTTP", true
	case lbNetwork:
		out.why = "protocol is not set, and a network load balancer listener needs one (TCP, TLS, UDP or TCP_UDP)"
	default:
		out.why = "protocol is not set and the load balancer's type is not known; on an application load balancer it defaults to HTTP"
	}
	return out
}

// isPassThrough answers whether a protocol leaves the payload untouched:
// the load balancer neither decrypts nor encrypts, so TLS, if the client
// uses it, reaches the target.
func isPassThrough(proto string) bool {
	switch proto {
	case "TCP", "UDP", "TCP_UDP":
		return true
	}
	return false
}

// isTLSProtocol answers whether a protocol is encrypted (ELBv2 and classic names).
func isTLSProtocol(proto string) bool {
	switch proto {
	case "HTTPS", "TLS", "SSL":
		return true
	}
	return false
}

// upperString reads a known string attribute in upper case.
func upperString(a *graph.Attribute) (string, bool) {
	s, ok := a.String()
	if !ok {
		return "", false
	}
	return strings.ToUpper(strings.TrimSpace(s)), true
}

// frontListeners returns the listeners that forward to a target group: by a
// default action, through a listener rule's action, or by a literal ARN that
// names the group. open reports a forward whose listener is not in the
// configuration (a rule on a listener passed in as a variable).
func frontListeners(p *Pass, tg *graph.Resource) (listeners []*graph.Resource, open bool) {
	seen := map[*graph.Resource]bool{}
	add := func(l *graph.Resource) {
		if !seen[l] {
			seen[l] = true
			listeners = append(listeners, l)
		}
	}
	for _, typ := range elbv2ListenerTypes {
		for _, e := range p.Graph.Referrers(tg, typ) {
			add(e.From)
		}
	}
	for _, typ := range elbv2ListenerRuleTypes {
		for _, e := range p.Graph.Referrers(tg, typ) {
			ls := followManaged(p, e.From.Attr("listener_arn"), elbv2ListenerTypes...)
			if len(ls) == 0 {
				open = true
			}
			for _, l := range ls {
				add(l)
			}
		}
	}
	name, named := targetGroupName(tg)
	if !named {
		return listeners, open
	}
	for _, r := range literalForwardIndex(p.Graph)[name] {
		if isListenerType(r.Type) {
			add(r)
			continue
		}
		ls := followManaged(p, r.Attr("listener_arn"), elbv2ListenerTypes...)
		if len(ls) == 0 {
			open = true
		}
		for _, l := range ls {
			add(l)
		}
	}
	return listeners, open
}

// literalForwardKey memoizes literalForwardIndex on the graph: without it
// every TCP target group would scan every listener.
type literalForwardKey struct{}

// literalForwardIndex maps a target group name to the listeners and listener
// rules whose actions name it by a literal ARN.
func literalForwardIndex(g *graph.Graph) map[string][]*graph.Resource {
	return g.Memo(literalForwardKey{}, func() any {
		index := map[string][]*graph.Resource{}
		for _, typ := range append(append([]string(nil), elbv2ListenerTypes...), elbv2ListenerRuleTypes...) {
			for _, r := range g.OfType(typ) {
				for _, name := range literalForwardNames(r) {
					index[name] = append(index[name], r)
				}
			}
		}
		return index
	}).(map[string][]*graph.Resource)
}

// targetGroupName is the literal name of a target group; a generated name
// (omitted, or name_prefix) cannot be matched by a literal ARN.
func targetGroupName(tg *graph.Resource) (string, bool) {
	a := setAttr(tg.Attr("name"))
	if a == nil {
		return "", false
	}
	return a.String()
}

// forwardActions returns a listener's default actions or a listener rule's
// actions.
func forwardActions(r *graph.Resource) []*graph.Block {
	if isListenerType(r.Type) {
		return r.Blocks("default_action")
	}
	return r.Blocks("action")
}

// literalForwardNames returns the target group names that r's actions name
// by a literal ARN, each once.
func literalForwardNames(r *graph.Resource) []string {
	var names []string
	seen := map[string]bool{}
	for _, act := range forwardActions(r) {
		arns := []*graph.Attribute{act.Attr("target_group_arn")}
		for _, fw := range act.NestedBlocks("forward") {
			for _, tg := range fw.NestedBlocks("target_group") {
				arns = append(arns, tg.Attr("arn"))
			}
		}
		for _, a := range arns {
			if a == nil || len(a.Refs) > 0 {
				continue
			}
			s, ok := a.String()
			if !ok {
				continue
			}
			if n, ok := targetGroupNameFromARN(s); ok && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return names
}

// TLS security policies. The names encode the oldest protocol they accept;
// these prefixes (lower case) are the predefined ELB policies.
var (
	tlsPolicyAccepted = []string{
		"elbsecuritypolicy-tls13-1-2-",
		"elbsecuritypolicy-tls13-1-3-",
		"elbsecuritypolicy-tls-1-2-",
		"elbsecuritypolicy-fs-1-2-",
	}
	// tlsPolicyRejected maps a policy (or prefix ending in "-") to the oldest
	// protocol it lets clients negotiate.
	tlsPolicyRejected = []struct{ name, allows string }{
		{"elbsecuritypolicy-tls13-1-0-", "TLS 1.0"},
		{"elbsecuritypolicy-tls13-1-1-", "TLS 1.1"},
		{"elbsecuritypolicy-tls-1-1-2017-01", "TLS 1.1"},
		{"elbsecuritypolicy-fs-1-1-2019-08", "TLS 1.1"},
		{"elbsecuritypolicy-tls-1-0-2015-04", "TLS 1.0"},
		{"elbsecuritypolicy-fs-2018-06", "TLS 1.0"},
		{"elbsecuritypolicy-2016-08", "TLS 1.0"},
		{"elbsecuritypolicy-2015-05", "TLS 1.0"},
		// The older dated Classic policies also accept SSLv3 or TLS 1.0.
		{"elbsecuritypolicy-2015-03", "TLS 1.0"},
		{"elbsecuritypolicy-2015-02", "TLS 1.0"},
		{"elbsecuritypolicy-2014-10", "TLS 1.0"},
		{"elbsecuritypolicy-2014-01", "SSL 3.0"},
		{"elbsecuritypolicy-2011-08", "SSL 3.0"},
		{"elbsample-", "SSL 3.0"},
	}
)

// The API's policy when an HTTPS/TLS listener names none, and the fix.
const (
	defaultTLSPolicy     = "ELBSecurityPolicy-2016-08"
	recommendedTLSPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
	// Classic load balancers have no TLS 1.3 policies.
	recommendedClassicPolicy = "ELBSecurityPolicy-TLS-1-2-2017-01"
)

// classifyTLSPolicy answers whether a predefined policy allows only TLS 1.2
// and later: True, False with the oldest protocol it allows, or Unknown for a
// name this rule does not know (not echoed: it is free text).
func classifyTLSPolicy(name string) (graph.Tri, string) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, pre := range tlsPolicyAccepted {
		if strings.HasPrefix(n, pre) {
			return graph.True, ""
		}
	}
	for _, rej := range tlsPolicyRejected {
		if n == rej.name || (strings.HasSuffix(rej.name, "-") && strings.HasPrefix(n, rej.name)) {
			return graph.False, rej.allows
		}
	}
	return graph.Unknown, ""
}

// policyNameForMessage echoes a predefined policy name (they are AWS names,
// not user data); anything else is described, not quoted.
func policyNameForMessage(name string) string {
	n := strings.ToLower(name)
	if (strings.HasPrefix(n, "elbsecuritypolicy-") || strings.HasPrefix(n, "elbsample-")) && len(name) <= 64 && !strings.ContainsAny(name, " \n\"") {
		return name
	}
	return "the named policy"
}
