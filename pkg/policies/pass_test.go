package policies_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

func oneResource(address, module string) *graph.Graph {
	rng := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 3, Column: 1}, End: hcl.Pos{Line: 3, Column: 20}}
	r := &graph.Resource{
		Address: address, Module: module, Type: "aws_s3_object", Name: "x",
		Key:       cty.StringVal("123-45-6789"),
		Body:      &graph.Block{Attrs: map[string]*graph.Attribute{}, Range: rng},
		DeclRange: rng,
	}
	return graph.New("root", graph.ProviderVersion{}, []*graph.Resource{r})
}

// A for_each key can be PHI; the finding must not carry it anywhere.
func TestFindingsRedactAddresses(t *testing.T) {
	rule := &policies.Rule{ID: "aws-test-rule", Severity: policies.High, Resources: []string{"aws_s3_object"},
		Check: func(p *policies.Pass, r *graph.Resource) { p.Report(r, nil, "object is wrong") }}
	g := oneResource(`aws_s3_object.x["123-45-6789"]`, `module.m["123-45-6789"]`)
	fs, diags := policies.Run([]*graph.Graph{g}, []*policies.Rule{rule}, policies.RunOptions{})
	if len(diags) > 0 || len(fs) != 1 {
		t.Fatalf("got %d findings, %v", len(fs), diags)
	}
	f := fs[0]
	for _, s := range []string{f.Address, f.Module, f.Message} {
		if strings.Contains(s, "123-45") {
			t.Errorf("PHI-shaped key leaked: %q", s)
		}
	}
	if !strings.Contains(f.Address, "6789") || !strings.HasSuffix(f.Message, "object is wrong") {
		t.Errorf("redaction should keep the address readable: %q / %q", f.Address, f.Message)
	}
}

// A panic in one rule becomes a diagnostic naming the rule and resource, and
// the other rules still report.
func TestRulePanicIsIsolated(t *testing.T) {
	boom := &policies.Rule{ID: "aws-test-boom", Resources: []string{"aws_s3_object"},
		Check: func(p *policies.Pass, r *graph.Resource) { panic("nil map") }}
	fine := &policies.Rule{ID: "aws-test-fine", Severity: policies.Low, Resources: []string{"aws_s3_object"},
		Check: func(p *policies.Pass, r *graph.Resource) { p.Report(r, nil, "still here") }}
	g := oneResource("aws_s3_object.x", "")
	fs, diags := policies.Run([]*graph.Graph{g}, []*policies.Rule{boom, fine}, policies.RunOptions{})
	if len(fs) != 1 || fs[0].RuleID != "aws-test-fine" {
		t.Errorf("the other rule must still report: %+v", fs)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Summary, "aws-test-boom") || !strings.Contains(diags[0].Summary, "aws_s3_object.x") {
		t.Errorf("want one diagnostic naming rule and resource, got %v", diags)
	}
	if diags[0].Subject == nil || diags[0].Subject.Start.Line != 3 {
		t.Errorf("the diagnostic needs the resource's place: %+v", diags[0].Subject)
	}
}
