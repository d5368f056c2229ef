package policies

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/phi"
)

// Pass is what a rule's Check sees: the graph, the run's settings, and a way to report.
type Pass struct {
	Graph   *graph.Graph
	Rule    *Rule
	Profile string
	// options holds the config's values for the rule's Options.
	options  map[string]int
	findings []Finding
}

// Option returns a rule option from the config, else its default.
func (p *Pass) Option(name string) int {
	if v, ok := p.options[name]; ok {
		return v
	}
	return p.Rule.Options[name]
}

// Report records that r is definitely wrong at node (an attribute or block;
// nil for the resource itself). The message is prefixed with the address.
func (p *Pass) Report(r *graph.Resource, at graph.Node, format string, args ...any) {
	p.add(r, at, "", false, format, args)
}

// ReportMissing records that attribute attr is missing from block in (nil for
// the resource body). The finding points at the block header.
func (p *Pass) ReportMissing(r *graph.Resource, in *graph.Block, attr string, format string, args ...any) {
	p.add(r, in, attr, false, format, args)
}

// Undetermined records a check whose outcome depends on a value not known
// before apply. It is counted, and reported only under --strict.
func (p *Pass) Undetermined(r *graph.Resource, at graph.Node, format string, args ...any) {
	p.add(r, at, "", true, format, args)
}

// add builds the finding. Addresses carry for_each keys, which can be PHI
// (`aws_s3_object.x["123-45-6789"]`), so they are redacted here, once, for every writer.
func (p *Pass) add(r *graph.Resource, at graph.Node, missing string, undetermined bool, format string, args []any) {
	rng := r.DeclRange
	path := ""
	if at != nil && !isNilNode(at) {
		path = at.NodePath()
		if nr := at.NodeRange(); nr.Filename != "" {
			rng = nr
		}
	}
	if missing != "" {
		if path == "" {
			path = missing
		} else {
			path += "." + missing
		}
	}
	p.findings = append(p.findings, Finding{
		RuleID:        p.Rule.ID,
		Severity:      p.Rule.Severity,
		Message:       phi.Redact(r.Address + ": " + fmt.Sprintf(format, args...)),
		Root:          p.Graph.Root,
		Address:       phi.Redact(r.Address),
		Module:        phi.Redact(r.Module),
		Path:          path,
		Range:         rng,
		ResourceRange: r.DeclRange,
		BlockRange:    r.BlockRange,
		ModuleCalls:   r.ModuleCalls,
		Undetermined:  undetermined,
	})
}

func isNilNode(n graph.Node) bool {
	switch v := n.(type) {
	case *graph.Attribute:
		return v == nil
	case *graph.Block:
		return v == nil
	}
	return false
}

// RunOptions are the settings of one run.
type RunOptions struct {
	Profile string
	// RuleOptions maps rule id → option name → value, from the config.
	RuleOptions map[string]map[string]int
}

// Run runs the given rules (the caller has already applied the profile and
// rule selection) on every graph, once per resource of the rule's types. A
// panic inside a rule becomes an error naming the rule and resource, and the
// other rules still report.
//
// Each (graph, rule) pair is an independent unit of work run on all cores:
// rules only read the graph (its one mutable part, Memo, is locked), and the
// units' results are joined in a fixed order, so the output does not depend
// on scheduling.
func Run(graphs []*graph.Graph, rules []*Rule, opts RunOptions) ([]Finding, hcl.Diagnostics) {
	if opts.Profile == "" {
		opts.Profile = ProfileWhitepaper
	}
	type unit struct {
		pass  *Pass
		diags hcl.Diagnostics
	}
	units := make([]unit, 0, len(graphs)*len(rules))
	for _, g := range graphs {
		for _, rule := range rules {
			units = append(units, unit{pass: &Pass{Graph: g, Rule: rule, Profile: opts.Profile, options: opts.RuleOptions[rule.ID]}})
		}
	}
	work := func(u *unit) {
		for _, typ := range u.pass.Rule.Resources {
			for _, r := range resourcesOfType(u.pass.Graph, typ) {
				if d := runOne(u.pass, r); d != nil {
					u.diags = append(u.diags, d)
				}
			}
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := min(runtime.GOMAXPROCS(0), len(units)); w > 0; w-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(units); i = int(next.Add(1) - 1) {
				work(&units[i])
			}
		}()
	}
	wg.Wait()
	n := 0
	for i := range units {
		n += len(units[i].pass.findings)
	}
	all := make([]Finding, 0, n)
	var diags hcl.Diagnostics
	for i := range units {
		all = append(all, units[i].pass.findings...)
		diags = append(diags, units[i].diags...)
	}
	SortFindings(all)
	return all, diags
}

// resourcesOfType returns the managed resources a Rule.Resources entry names:
// one type, or with a trailing `*` every type with that prefix ("aws_*" for a
// rule about something all AWS resources have, such as tags).
func resourcesOfType(g *graph.Graph, typ string) []*graph.Resource {
	prefix, ok := strings.CutSuffix(typ, "*")
	if !ok {
		return g.OfType(typ)
	}
	var out []*graph.Resource
	for _, r := range g.Resources {
		if r.Mode == graph.Managed && strings.HasPrefix(r.Type, prefix) {
			out = append(out, r)
		}
	}
	return out
}

func runOne(p *Pass, r *graph.Resource) (diag *hcl.Diagnostic) {
	defer func() {
		if v := recover(); v != nil {
			rng := r.DeclRange
			diag = &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("internal error in rule %s on %s", p.Rule.ID, r.Address),
				Detail:   fmt.Sprintf("%v; the other rules still ran. Please report this.", v),
				Subject:  &rng,
			}
		}
	}()
	p.Rule.Check(p, r)
	return nil
}
