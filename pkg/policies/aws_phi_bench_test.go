package policies_test

import (
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/internal/corpus"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// BenchmarkPHIRulesCorpus runs the four PHI rules on the synthetic code base
// (200 modules, about 2,000 files). aws-phi-in-tags visits every AWS resource,
// so this is the cost of scanning every tag, name and key of a large
// configuration.
func BenchmarkPHIRulesCorpus(b *testing.B) {
	dir := b.TempDir()
	if _, _, err := corpus.Generate(dir, 200); err != nil {
		b.Fatal(err)
	}
	res := parser.Load([]string{dir}, parser.Options{WorkDir: dir})
	if len(res.Graphs) == 0 {
		b.Fatal("nothing loaded")
	}
	resources := 0
	for _, g := range res.Graphs {
		resources += len(g.Resources)
	}
	var rules []*policies.Rule
	for _, id := range phiRuleIDs {
		rules = append(rules, policies.ByID(id))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		policies.Run(res.Graphs, rules, policies.RunOptions{})
	}
	b.ReportMetric(float64(resources), "resources")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*resources), "ns/resource")
}
