package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// FuzzLoadPlan feeds arbitrary bytes to the plan loader: it must answer with
// a graph or an error diagnostic, never panic. Seeds are the fixtures and
// the corpus under testdata/fuzz/FuzzLoadPlan.
func FuzzLoadPlan(f *testing.F) {
	for _, p := range []string{
		"testdata/plan_nosrc/plan.json",
		"testdata/plan_state/terraform.tfstate.json",
		"testdata/plan_bad/wrongtype.json",
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		isPlanJSON(data)
		path := filepath.Join(dir, "plan.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, diags := loadPlan(path, Options{WorkDir: dir}, map[string][]byte{})
		if (g == nil) != diags.HasErrors() {
			t.Fatalf("graph %v with diagnostics %v", g != nil, diags)
		}
		for _, d := range diags {
			if d.Subject == nil || d.Subject.Filename != "plan.json" || d.Subject.Start.Line < 1 {
				t.Fatalf("diagnostic without a place in the file: %v", d)
			}
		}
		if g == nil {
			return
		}
		for _, r := range g.Resources {
			if r.Address == "" || r.Body == nil || r.DeclRange.Start.Line < 1 {
				t.Fatalf("incomplete resource %+v", r)
			}
			r.Body.AllAttributes(func(a *graph.Attribute) {
				if a.Value == cty.NilVal {
					t.Fatalf("%s.%s has no value", r.Address, a.Path)
				}
			})
		}
	})
}
