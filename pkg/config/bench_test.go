package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// benchInput is one file of n resources, every other one under an ignore
// comment, and one finding per resource at its storage_encrypted line.
func benchInput(n int) (map[string][]byte, []policies.Finding) {
	var b strings.Builder
	var fs []policies.Finding
	line := 1
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			fmt.Fprintf(&b, "# tflint-hipaa:ignore:rule-a accepted %d\n", i)
			line++
		}
		fmt.Fprintf(&b, "resource \"aws_db_instance\" \"db%d\" {\n  engine = \"postgres\"\n  storage_encrypted = false\n}\n", i)
		hdr := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line, Column: 40}}
		attr := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line + 2, Column: 3}, End: hcl.Pos{Line: line + 2, Column: 28}}
		fs = append(fs, policies.Finding{RuleID: "rule-a", Address: fmt.Sprintf("aws_db_instance.db%d", i), Range: attr, ResourceRange: hdr, BlockRange: hdr})
		line += 4
	}
	return map[string][]byte{"main.tf": []byte(b.String())}, fs
}

func BenchmarkApplyInline(b *testing.B) {
	for _, n := range []int{100, 2000} {
		files, fs := benchInput(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(files["main.tf"])))
			for b.Loop() {
				work := append([]policies.Finding(nil), fs...)
				ApplyInline(work, files, opts())
			}
		})
	}
}

func TestBenchInputIsRealistic(t *testing.T) {
	files, fs := benchInput(10)
	res := ApplyInline(fs, files, opts())
	n := 0
	for _, f := range fs {
		if f.Suppressed() {
			n++
		}
	}
	if n != 5 || len(res.Notes) != 0 || len(res.Diags) != 0 {
		t.Errorf("suppressed %d of 10, notes %q diags %v", n, res.Notes, res.Diags)
	}
}
