package policies_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/phi"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

var phiRuleIDs = []string{"aws-s3-phi-in-names", "aws-glacier-phi-in-names", "aws-dynamodb-phi-in-keys", "aws-phi-in-tags"}

func phiRules(t *testing.T) []*policies.Rule {
	t.Helper()
	return rulesByID(t, phiRuleIDs...)
}

// resource builds a managed resource with top-level attributes, the shape
// both loaders produce.
func resource(typ, name string, attrs map[string]cty.Value, blocks ...*graph.Block) *graph.Resource {
	body := &graph.Block{Type: "resource", Labels: []string{typ, name}, Attrs: map[string]*graph.Attribute{}, Blocks: blocks}
	rng := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 1, Column: 2, Byte: 1}}
	for n, v := range attrs {
		body.Attrs[n] = &graph.Attribute{Name: n, Path: n, Value: v, Range: rng}
	}
	return &graph.Resource{Address: typ + "." + name, Type: typ, Name: name, Body: body, DeclRange: rng}
}

func runPHI(t *testing.T, rs ...*graph.Resource) []policies.Finding {
	t.Helper()
	g := graph.New("mem", graph.ProviderVersion{}, rs)
	fs, diags := policies.Run([]*graph.Graph{g}, phiRules(t), policies.RunOptions{})
	for _, d := range diags {
		t.Errorf("run: %s", d.Error())
	}
	return fs
}

// TestPHITagShapes covers tag shapes a plan produces that HCL fixtures
// cannot: object-typed maps, the legacy autoscaling list of {key, value},
// unknown elements, null.
func TestPHITagShapes(t *testing.T) {
	email := cty.StringVal("jane.doe@gmail.com")
	cases := []struct {
		name         string
		tags         cty.Value
		want, undet  int
		wantFragment string
	}{
		{"object", cty.ObjectVal(map[string]cty.Value{"Contact": email, "Env": cty.StringVal("prod")}), 1, 0, "e-mail address"},
		{"map with a PHI key", cty.MapVal(map[string]cty.Value{"patient_ssn": cty.StringVal("x")}), 1, 0, "social security number"},
		{"legacy list", cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
			"key": cty.StringVal("OnCall"), "value": cty.StringVal("555-234-5678"), "propagate_at_launch": cty.True,
		})}), 1, 0, "US phone number"},
		{"legacy list of maps", cty.ListVal([]cty.Value{cty.MapVal(map[string]cty.Value{
			"key": cty.StringVal("DateOfBirth"), "value": cty.StringVal("on file"),
		})}), 1, 0, "date of birth"},
		{"unknown element", cty.MapVal(map[string]cty.Value{"Owner": cty.UnknownVal(cty.String)}), 0, 1, ""},
		{"unknown element beside a PHI one", cty.ObjectVal(map[string]cty.Value{"Owner": cty.UnknownVal(cty.String), "Contact": email}), 1, 0, "e-mail"},
		{"wholly unknown", cty.DynamicVal, 0, 1, ""},
		{"null", cty.NullVal(cty.Map(cty.String)), 0, 0, ""},
		{"number value", cty.ObjectVal(map[string]cty.Value{"Port": cty.NumberIntVal(5432)}), 0, 0, ""},
		{"clean", cty.MapVal(map[string]cty.Value{"Name": cty.StringVal("patient-records")}), 0, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := runPHI(t, resource("aws_autoscaling_group", "app", map[string]cty.Value{"tags": c.tags}))
			var want, undet int
			for _, f := range fs {
				if f.Undetermined {
					undet++
					continue
				}
				want++
				if !strings.Contains(f.Message, c.wantFragment) {
					t.Errorf("message %q does not name %q", f.Message, c.wantFragment)
				}
				if f.RuleID != "aws-phi-in-tags" || f.Severity != policies.Medium || f.Path != "tags" {
					t.Errorf("finding %+v: want aws-phi-in-tags, medium, at tags", f)
				}
			}
			if want != c.want || undet != c.undet {
				t.Fatalf("got %d findings, %d undetermined; want %d, %d: %v", want, undet, c.want, c.undet, fs)
			}
		})
	}
}

// TestPHIInTagsSkipsCoveredTypes: the naming rules own their types' tags, so
// each PHI tag is reported exactly once, by the more specific rule.
func TestPHIInTagsSkipsCoveredTypes(t *testing.T) {
	tags := cty.MapVal(map[string]cty.Value{"Contact": cty.StringVal("jane.doe@gmail.com")})
	want := map[string]string{
		"aws_s3_bucket":        "aws-s3-phi-in-names",
		"aws_s3_object":        "aws-s3-phi-in-names",
		"aws_s3_bucket_object": "aws-s3-phi-in-names",
		"aws_s3_object_copy":   "aws-s3-phi-in-names",
		"aws_glacier_vault":    "aws-glacier-phi-in-names",
		"aws_dynamodb_table":   "aws-dynamodb-phi-in-keys",
		"aws_sqs_queue":        "aws-phi-in-tags",
		"aws_db_instance":      "aws-phi-in-tags",
	}
	for typ, rule := range want {
		fs := runPHI(t, resource(typ, "x", map[string]cty.Value{"tags": tags}))
		if len(fs) != 1 || fs[0].RuleID != rule {
			t.Errorf("%s: got %v, want one finding from %s", typ, fs, rule)
		}
	}
	// Not AWS: no rule looks.
	if fs := runPHI(t, resource("random_pet", "x", map[string]cty.Value{"keepers": tags, "tags": tags})); len(fs) != 0 {
		t.Errorf("random_pet: got %v", fs)
	}
}

// TestPHIConfigReachesRules: phi.Configure (what the CLI calls with the
// config's phi block) changes what the rules report.
func TestPHIConfigReachesRules(t *testing.T) {
	t.Cleanup(func() { _ = phi.Configure(nil, nil) })
	table := resource("aws_dynamodb_table", "t", map[string]cty.Value{"hash_key": cty.StringVal("patient_id")})
	bucket := resource("aws_s3_bucket", "b", map[string]cty.Value{"bucket": cty.StringVal("exports-123-45-6789")})
	if fs := runPHI(t, table, bucket); len(fs) != 1 || fs[0].Address != "aws_s3_bucket.b" {
		t.Fatalf("default detector: got %v, want only the bucket", fs)
	}
	if err := phi.Configure([]string{"patient_id"}, []string{"exports-*"}); err != nil {
		t.Fatal(err)
	}
	fs := runPHI(t, table, bucket)
	if len(fs) != 1 || fs[0].Address != "aws_dynamodb_table.t" || !strings.Contains(fs[0].Message, `keyword "patient_id"`) {
		t.Fatalf("configured detector: got %v, want only the table, naming the keyword", fs)
	}
}

// TestPHIMessagesHoldNoValues loads every fixture of the PHI rules and checks
// that no message, past the resource address the pass prefixes, holds a
// PHI-shaped value or the text of any string the detector matched.
func TestPHIMessagesHoldNoValues(t *testing.T) {
	rules := phiRules(t)
	n := 0
	for _, id := range phiRuleIDs {
		cases, err := os.ReadDir(filepath.Join("testdata", id))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			dir := filepath.Join("testdata", id, c.Name())
			res := parser.Load([]string{dir}, parser.Options{})
			fs, _ := policies.Run(res.Graphs, rules, policies.RunOptions{})
			for _, f := range fs {
				n++
				msg := strings.TrimPrefix(f.Message, f.Address+": ")
				if ms := phi.Find(msg); len(ms) != 0 {
					t.Errorf("%s: message %q holds %s", dir, f.Message, phi.Describe(ms))
				}
				for _, secret := range []string{"123-45-678", "jane.doe", "0012345", "1EG4", "1980-01-02", "234-5678", "+1555", "212-555"} {
					if strings.Contains(msg, secret) {
						t.Errorf("%s: message %q repeats %q", dir, f.Message, secret)
					}
				}
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d findings across the PHI fixtures; the fixtures did not load", n)
	}
}
