package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// ELBListenerEncrypted asks every load balancer listener to take encrypted
// connections from clients, or to pass them through undecrypted.
var ELBListenerEncrypted = &Rule{
	ID:    "aws-elb-listener-encrypted",
	Title: "Load balancer listeners accept only encrypted connections",
	Description: "The whitepaper lets Elastic Load Balancing carry PHI only if all network traffic containing " +
		"PHI is encrypted in transit end to end: either the load balancer terminates HTTPS or SSL/TLS " +
		"(front-end listeners with an encrypted protocol), or it passes encrypted sessions through in TCP " +
		"mode to back ends that terminate TLS themselves. A plain HTTP listener that forwards requests " +
		"exposes PHI on the network between clients and the load balancer.",
	Severity:  Critical,
	Section:   "Elastic Load Balancing",
	Citations: []string{CiteTransmission},
	Service:   "elb",
	Resources: []string{"aws_lb_listener", "aws_alb_listener", "aws_elb"},
	Remediation: "Listen with `HTTPS` (application load balancer) or `TLS` (network load balancer) and a " +
		"certificate, and turn plain HTTP into a redirect to HTTPS:\n\n" +
		"```hcl\nresource \"aws_lb_listener\" \"https\" {\n  load_balancer_arn = aws_lb.app.arn\n  port              = 443\n" +
		"  protocol          = \"HTTPS\"\n  ssl_policy        = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"\n" +
		"  certificate_arn   = aws_acm_certificate.app.arn\n\n  default_action {\n    type             = \"forward\"\n" +
		"    target_group_arn = aws_lb_target_group.app.arn\n  }\n}\n\n" +
		"resource \"aws_lb_listener\" \"http\" {\n  load_balancer_arn = aws_lb.app.arn\n  port              = 80\n" +
		"  protocol          = \"HTTP\"\n\n  default_action {\n    type = \"redirect\"\n    redirect {\n" +
		"      port        = \"443\"\n      protocol    = \"HTTPS\"\n      status_code = \"HTTP_301\"\n    }\n  }\n}\n```\n\n" +
		"For a Classic load balancer, use `lb_protocol = \"HTTPS\"` or `\"SSL\"` (or `TCP` to `TCP` pass-through).",
	Bad: `resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}`,
	Good: `resource "aws_lb_listener" "web" {
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
		"`aws_lb_listener.protocol` is optional and computed: omitted on an application load balancer it is " +
			"`HTTP` (the provider sends HTTP when the load balancer ARN is an `app/` one), on a network load " +
			"balancer the API requires it, and a gateway load balancer listener has none (skipped). The load " +
			"balancer's type comes from `load_balancer_arn` (`aws_lb.load_balancer_type`, default `application`, " +
			"or the `app/`/`net/`/`gwy/` part of a literal ARN); when it is not known, an omitted protocol is undetermined.",
		"An `HTTP` listener passes when every default action is a `redirect` with `protocol = \"HTTPS\"`; the " +
			"redirect `protocol` defaults to `#{protocol}`, which keeps HTTP. It is still a finding when an " +
			"`aws_lb_listener_rule` on it forwards requests.",
		"`TCP`, `UDP` and `TCP_UDP` listeners pass traffic through undecrypted (the paper's second " +
			"architecture): whether clients use TLS end to end cannot be seen in Terraform, so they are " +
			"undetermined (reported under `--strict`). The back-end rule `aws-elb-backend-encrypted` checks what " +
			"the target groups behind them do.",
		"`aws_elb` (Classic): each `listener` needs `lb_protocol` `HTTPS` or `SSL`, or `TCP` to an " +
			"`instance_protocol` of `TCP` (pass-through, undetermined as above). Protocol values are case-insensitive.",
		"Unchanged across provider versions 3–6 (`aws_alb_listener` is an alias). Same in both profiles.",
	},
	Check: checkELBListenerEncrypted,
}

func checkELBListenerEncrypted(p *Pass, r *graph.Resource) {
	if r.Type == "aws_elb" {
		checkClassicListenersEncrypted(p, r)
		return
	}
	lp := protocolOfListener(p, r)
	switch {
	case lp.gateway:
		return
	case lp.proto == "":
		p.Undetermined(r, lp.attr, "%s", lp.why)
		return
	case isTLSProtocol(lp.proto):
		return
	case isPassThrough(lp.proto):
		p.Undetermined(r, lp.attr, "protocol is %s: the load balancer passes connections through undecrypted, so whether clients use TLS end to end cannot be verified", lp.proto)
		return
	case lp.proto != "HTTP":
		return // not a protocol the API accepts; apply fails before any traffic flows
	}
	verdict, why, at := httpRedirectsToHTTPS(p, r)
	const fix = "use HTTPS with a certificate, or redirect to HTTPS"
	switch verdict {
	case graph.True:
		return
	case graph.Unknown:
		if at == nil || isNilNode(at) {
			at = lp.attr
		}
		p.Undetermined(r, at, "protocol is HTTP and %s", why)
		return
	}
	if lp.defaulted {
		p.ReportMissing(r, nil, "protocol", "protocol is not set (HTTP on an application load balancer) and %s; %s", why, fix)
		return
	}
	p.Report(r, lp.attr, "protocol is HTTP and %s; %s", why, fix)
}

// httpRedirectsToHTTPS answers whether an HTTP listener only redirects to
// HTTPS: every default action a redirect with protocol HTTPS, and no listener
// rule on it that forwards. why says what the listener does instead.
func httpRedirectsToHTTPS(p *Pass, l *graph.Resource) (graph.Tri, string, graph.Node) {
	if l.Body.HasUnknownBlocks("default_action") {
		return graph.Unknown, "its default actions depend on values not known before apply", nil
	}
	actions := l.Blocks("default_action")
	if len(actions) == 0 {
		return graph.False, "it has no default action redirecting to HTTPS", nil
	}
	for _, act := range actions {
		v, why, at := redirectsToHTTPS(act)
		if v != graph.True {
			return v, "the default action " + why, at
		}
	}
	var open *graph.Resource
	for _, typ := range elbv2ListenerRuleTypes {
		for _, e := range p.Graph.Referrers(l, typ) {
			if e.Attr.Name != "listener_arn" {
				continue
			}
			rule := e.From
			if rule.Body.HasUnknownBlocks("action") {
				open = rule
				continue
			}
			for _, act := range rule.Blocks("action") {
				t, ok := upperString(act.Attr("type"))
				switch {
				case !ok:
					open = rule
				case t == "FORWARD":
					return graph.False, "listener rule " + rule.Address + " forwards requests over it", nil
				}
			}
		}
	}
	if open != nil {
		return graph.Unknown, "the actions of listener rule " + open.Address + " are not known before apply", nil
	}
	return graph.True, "", nil
}

// redirectsToHTTPS judges one action block; why completes "the default action ...".
func redirectsToHTTPS(act *graph.Block) (graph.Tri, string, graph.Node) {
	typ := act.Attr("type")
	t, ok := upperString(typ)
	if !ok {
		return graph.Unknown, "type is not known before apply", typ
	}
	if t != "REDIRECT" {
		return graph.False, "is " + actionTypeName(t) + ", not a redirect to HTTPS", nil
	}
	if act.HasUnknownBlocks("redirect") {
		return graph.Unknown, "redirect depends on values not known before apply", act
	}
	for _, rd := range act.NestedBlocks("redirect") {
		proto := setAttr(rd.Attr("protocol"))
		if proto == nil {
			return graph.False, "redirects without a protocol (default #{protocol} keeps HTTP)", nil
		}
		s, ok := proto.String()
		if !ok {
			return graph.Unknown, "redirect protocol is not known before apply", proto
		}
		if !strings.EqualFold(strings.TrimSpace(s), "HTTPS") {
			return graph.False, "redirects to " + redirectProtocolName(s), nil
		}
		return graph.True, "", nil
	}
	return graph.False, "is a redirect without a redirect block", nil
}

// actionTypeName echoes an action type only when it is one the API defines.
func actionTypeName(t string) string {
	switch t {
	case "FORWARD", "FIXED-RESPONSE", "AUTHENTICATE-COGNITO", "AUTHENTICATE-OIDC", "JWT-VALIDATION":
		return strings.ToLower(t)
	}
	return "another action"
}

func redirectProtocolName(s string) string {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "HTTP":
		return "HTTP"
	case "#{PROTOCOL}":
		return "#{protocol}, which keeps HTTP"
	}
	return "a protocol other than HTTPS"
}

// checkClassicListenersEncrypted judges each listener block of an aws_elb.
func checkClassicListenersEncrypted(p *Pass, r *graph.Resource) {
	if r.Body.HasUnknownBlocks("listener") {
		p.Undetermined(r, nil, "listener blocks depend on values not known before apply")
	}
	for _, l := range r.Blocks("listener") {
		if l.Unknown {
			continue
		}
		front := l.Attr("lb_protocol")
		if front == nil {
			continue // required: the configuration does not apply
		}
		fp, ok := upperString(front)
		if !ok {
			p.Undetermined(r, nodeOr(front, l), "lb_protocol is not known before apply")
			continue
		}
		if isTLSProtocol(fp) {
			continue
		}
		back := l.Attr("instance_protocol")
		if fp == "TCP" {
			bp, ok := upperString(back)
			switch {
			case !ok:
				p.Undetermined(r, nodeOr(back, l), "lb_protocol is TCP and instance_protocol is not known before apply")
				continue
			case bp == "TCP":
				p.Undetermined(r, front, "lb_protocol is TCP to TCP: the load balancer passes connections through undecrypted, so whether clients use TLS end to end cannot be verified")
				continue
			}
			p.Report(r, front, "lb_protocol is TCP and instance_protocol is not TCP: clients connect in plaintext; use lb_protocol = \"SSL\" (or TCP to TCP pass-through)")
			continue
		}
		if fp == "HTTP" {
			p.Report(r, front, "lb_protocol is HTTP; use HTTPS with an ssl_certificate_id")
		}
	}
}

// nodeOr points at a when present, else at the enclosing block.
func nodeOr(a *graph.Attribute, b *graph.Block) graph.Node {
	if a != nil {
		return a
	}
	return b
}
