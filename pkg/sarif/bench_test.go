package sarif

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report/reporttest"
)

// bigInput is 10,000 findings over 500 files of 400 lines each.
func bigInput() *report.Input {
	in := &report.Input{Rules: reporttest.Rules(), Files: map[string][]byte{}, WorkDir: "/w", Strict: true}
	line := "  storage_encrypted = false # some trailing text to make lines realistic\n"
	src := []byte(strings.Repeat(line, 400))
	for f := 0; f < 500; f++ {
		name := fmt.Sprintf("mod%03d/main.tf", f)
		in.Files[name] = src
		for i := 0; i < 20; i++ {
			r := in.Rules[i%len(in.Rules)]
			in.Findings = append(in.Findings, policies.Finding{
				RuleID: r.ID, Severity: r.Severity, Root: ".",
				Address: fmt.Sprintf("aws_db_instance.db%d", i), Path: "storage_encrypted",
				Message: fmt.Sprintf("aws_db_instance.db%d: storage_encrypted is false", i),
				Range:   hcl.Range{Filename: name, Start: hcl.Pos{Line: i*20 + 1, Column: 3}, End: hcl.Pos{Line: i*20 + 1, Column: 28}},
			})
		}
	}
	policies.SortFindings(in.Findings)
	return in
}

func BenchmarkWrite10kFindings(b *testing.B) {
	in := bigInput()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHashLines(b *testing.B) {
	src := []byte(strings.Repeat("  storage_encrypted = false # some trailing text ü\n", 20000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		hashLines(src)
	}
}
