package policies_test

import (
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// The S3 rules share per-graph indexes of split resources. Checking several
// root modules in one run must give exactly what checking each alone gives:
// nothing of one graph's buckets may leak into another's answers.
func TestS3IndexesArePerGraph(t *testing.T) {
	dirs := []string{
		"testdata/aws-s3-encryption/fail",
		"testdata/aws-s3-encryption/pass",
		"testdata/aws-s3-access-logging/pass",
		"testdata/aws-s3-access-logging/fail",
		"testdata/aws-s3-versioning/count",
	}
	var rules []*policies.Rule
	for _, id := range []string{"aws-s3-encryption", "aws-s3-secure-transport", "aws-s3-versioning", "aws-s3-access-logging"} {
		rules = append(rules, policies.ByID(id))
	}
	key := func(f policies.Finding) string {
		return f.RuleID + " " + f.Range.Filename + " " + f.Address + " " + f.Path
	}
	want := map[string]int{}
	for _, d := range dirs {
		res := parser.Load([]string{d}, parser.Options{})
		fs, _ := policies.Run(res.Graphs, rules, policies.RunOptions{})
		for _, f := range fs {
			want[key(f)]++
		}
	}
	if len(want) == 0 {
		t.Fatal("the fixtures gave no findings; the test would prove nothing")
	}
	// Together, in both orders, so each graph follows a different one.
	for _, order := range [][]string{dirs, {dirs[4], dirs[3], dirs[2], dirs[1], dirs[0]}} {
		res := parser.Load(order, parser.Options{})
		if len(res.Graphs) != len(dirs) {
			t.Fatalf("loaded %d graphs, want %d", len(res.Graphs), len(dirs))
		}
		fs, _ := policies.Run(res.Graphs, rules, policies.RunOptions{})
		got := map[string]int{}
		for _, f := range fs {
			got[key(f)]++
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s: %d together, %d alone", k, got[k], n)
			}
		}
		for k, n := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%s: %d together, 0 alone", k, n)
			}
		}
	}
}
