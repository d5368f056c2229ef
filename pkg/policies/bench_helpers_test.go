package policies_test

import (
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/internal/corpus"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// loadForBench loads a directory the benchmarks generated; it must load cleanly.
func loadForBench(b *testing.B, dir string) []*graph.Graph {
	b.Helper()
	res := parser.Load([]string{dir}, parser.Options{WorkDir: dir})
	if len(res.Graphs) == 0 || res.Diags.HasErrors() {
		b.Fatalf("load: %d graphs, %s", len(res.Graphs), res.Diags.Error())
	}
	return res.Graphs
}

// rulesByID returns the registered rules with these ids.
func rulesByID(tb testing.TB, ids ...string) []*policies.Rule {
	tb.Helper()
	rules := make([]*policies.Rule, 0, len(ids))
	for _, id := range ids {
		r := policies.ByID(id)
		if r == nil {
			tb.Fatalf("rule %s is not registered", id)
		}
		rules = append(rules, r)
	}
	return rules
}

// benchRulesOnCorpus runs a group of rules on the synthetic code base the
// parser benchmarks load (200 modules, about 2,000 files), reporting the
// cost per resource.
func benchRulesOnCorpus(b *testing.B, ids ...string) {
	dir := b.TempDir()
	if _, _, err := corpus.Generate(dir, 200); err != nil {
		b.Fatal(err)
	}
	graphs := loadForBench(b, dir)
	rules := rulesByID(b, ids...)
	resources := 0
	for _, g := range graphs {
		resources += len(g.Resources)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		policies.Run(graphs, rules, policies.RunOptions{})
	}
	b.ReportMetric(float64(resources), "resources")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*resources), "ns/resource")
}
