package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// ELBBackendEncrypted asks the leg between the load balancer and its targets
// to be encrypted too.
var ELBBackendEncrypted = &Rule{
	ID:    "aws-elb-backend-encrypted",
	Title: "Load balancers send traffic to their targets encrypted",
	Description: "The whitepaper: \"Sessions containing PHI must encrypt both front-end and back-end listeners " +
		"for transport encryption.\" A load balancer that terminates TLS and then forwards to its targets " +
		"over HTTP or plain TCP sends PHI in plaintext across the VPC. Target groups must use HTTPS or TLS, " +
		"or TCP behind listeners that pass TLS through undecrypted; Classic load balancer listeners that " +
		"terminate HTTPS or SSL must use HTTPS or SSL to the instances.",
	Severity:  Critical,
	Section:   "Elastic Load Balancing",
	Citations: []string{CiteTransmission},
	Service:   "elb",
	Resources: []string{"aws_lb_target_group", "aws_alb_target_group", "aws_elb"},
	Remediation: "Use an encrypted protocol to the targets (they need a certificate; the load balancer does " +
		"not validate it):\n\n" +
		"```hcl\nresource \"aws_lb_target_group\" \"app\" {\n  port     = 443\n  protocol = \"HTTPS\"\n" +
		"  vpc_id   = aws_vpc.main.id\n}\n```\n\n" +
		"Behind a network load balancer use `protocol = \"TLS\"`, or `TCP` with `TCP` listeners so that TLS " +
		"passes through to the targets. For a Classic load balancer, set `instance_protocol = \"HTTPS\"` (or " +
		"`\"SSL\"`) on listeners whose `lb_protocol` is HTTPS or SSL.",
	Bad: `resource "aws_lb_target_group" "app" {
  port     = 80
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}`,
	Good: `resource "aws_lb_target_group" "app" {
  port     = 443
  protocol = "HTTPS"
  vpc_id   = aws_vpc.main.id
}`,
	Notes: []string{
		"`aws_lb_target_group.protocol` has no default: it is required for `target_type` `instance` (the " +
			"default), `ip` and `alb`, and does not apply to `lambda` targets (skipped). `GENEVE` groups of a " +
			"gateway load balancer carry packets unchanged to inspection appliances (skipped). An omitted " +
			"protocol on a non-lambda group is undetermined (the API rejects it).",
		"A `TCP`, `UDP` or `TCP_UDP` group passes when every listener that forwards to it (`default_action` " +
			"`target_group_arn` or `forward { target_group { arn } }`, and `aws_lb_listener_rule` actions, by " +
			"reference or by a literal ARN naming the group) also passes through; behind a `TLS` listener the " +
			"network load balancer decrypts and sends plaintext, a finding naming the listener. With no " +
			"listener in the configuration it is undetermined.",
		"`aws_elb` (Classic): listeners whose `lb_protocol` is `HTTPS` or `SSL` need `instance_protocol` " +
			"`HTTPS` or `SSL`; front ends in HTTP or TCP are `aws-elb-listener-encrypted`'s concern.",
		"Unchanged across provider versions 3–6 (`aws_alb_target_group` is an alias). Same in both profiles.",
	},
	Check: checkELBBackendEncrypted,
}

func checkELBBackendEncrypted(p *Pass, r *graph.Resource) {
	if r.Type == "aws_elb" {
		checkClassicBackends(p, r)
		return
	}
	if tt := setAttr(r.Attr("target_type")); tt != nil {
		t, ok := upperString(tt)
		if !ok {
			if setAttr(r.Attr("protocol")) == nil {
				p.Undetermined(r, tt, "target_type is not known before apply, and lambda targets have no protocol")
				return
			}
		} else if t == "LAMBDA" {
			return
		}
	}
	proto := setAttr(r.Attr("protocol"))
	if proto == nil {
		p.Undetermined(r, nil, "protocol is not set; the API requires it for instance, ip and alb targets")
		return
	}
	pr, ok := upperString(proto)
	if !ok {
		p.Undetermined(r, proto, "protocol is not known before apply")
		return
	}
	switch {
	case isTLSProtocol(pr), pr == "GENEVE":
		return
	case pr == "HTTP":
		p.Report(r, proto, "protocol is HTTP: the load balancer sends requests to the targets in plaintext; set protocol = \"HTTPS\"")
		return
	case !isPassThrough(pr):
		return // not a protocol the API accepts
	}
	listeners, open := frontListeners(p, r)
	var undecided *graph.Resource
	for _, l := range listeners {
		lp := protocolOfListener(p, l)
		switch {
		case lp.proto == "":
			if undecided == nil {
				undecided = l
			}
		case isTLSProtocol(lp.proto) || lp.proto == "HTTP":
			p.Report(r, proto, "protocol is %s behind %s listener %s, which decrypts at the load balancer and sends plaintext to the targets; set protocol = \"TLS\", or pass TLS through with a TCP listener", pr, lp.proto, l.Address)
			return
		}
	}
	switch {
	case undecided != nil:
		p.Undetermined(r, proto, "protocol is %s and the protocol of listener %s is not known", pr, undecided.Address)
	case open:
		p.Undetermined(r, proto, "protocol is %s and a listener rule forwards to it from a listener outside this configuration", pr)
	case len(listeners) == 0:
		p.Undetermined(r, proto, "protocol is %s and no listener in this configuration forwards to it, so whether TLS is passed through or terminated cannot be verified", pr)
	}
}

// checkClassicBackends judges instance_protocol on each Classic listener that
// terminates TLS.
func checkClassicBackends(p *Pass, r *graph.Resource) {
	if r.Body.HasUnknownBlocks("listener") {
		p.Undetermined(r, nil, "listener blocks depend on values not known before apply")
	}
	for _, l := range r.Blocks("listener") {
		if l.Unknown {
			continue
		}
		back := l.Attr("instance_protocol")
		front := l.Attr("lb_protocol")
		if back == nil || front == nil {
			continue // both are required: the configuration does not apply
		}
		bp, bok := upperString(back)
		if bok && isTLSProtocol(bp) {
			continue
		}
		fp, fok := upperString(front)
		switch {
		case !fok:
			p.Undetermined(r, nodeOr(front, l), "lb_protocol is not known before apply, so whether instance_protocol must be encrypted cannot be decided")
		case !isTLSProtocol(fp):
			// A plaintext or pass-through front end: aws-elb-listener-encrypted.
		case !bok:
			p.Undetermined(r, nodeOr(back, l), "instance_protocol is not known before apply")
		default:
			p.Report(r, back, "instance_protocol is %s behind an %s listener: the load balancer decrypts and sends plaintext to the instances; set instance_protocol = \"%s\"", classicProtocolName(bp), fp, classicBackendFix(fp))
		}
	}
}

func classicProtocolName(s string) string {
	switch s {
	case "HTTP", "TCP":
		return s
	}
	return "not HTTPS or SSL"
}

func classicBackendFix(front string) string {
	if front == "SSL" {
		return "SSL"
	}
	return "HTTPS"
}
