package sarif

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
)

var lineBreak = regexp.MustCompile(`\r\n|\r|\n`)

// Upstream's test asserts one hash per line as split by /\r\n|\r|\n/; the
// same must hold for any input, and whitespace must never matter.
func FuzzLineHashes(f *testing.F) {
	for _, v := range lineHashVectors {
		f.Add([]byte(v.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got := LineHashes(src)
		checkAgainstReference(t, src)
		// Upstream splits the decoded string; invalid bytes decode to U+FFFD
		// and never contain a line break, so splitting bytes is the same.
		want := len(lineBreak.Split(string(src), -1))
		if len(got)-1 != want {
			t.Fatalf("%d hashes for %d lines of %q", len(got)-1, want, src)
		}
		for i := 1; i < len(got); i++ {
			if got[i] == "" {
				t.Fatalf("line %d has no hash", i)
			}
		}
		if !utf8.Valid(src) {
			return
		}
		spaced := strings.NewReplacer(" ", "  \t", "\t", " ").Replace(string(src))
		again := LineHashes([]byte(spaced))
		for i := 1; i < len(got); i++ {
			if got[i] != again[i] {
				t.Fatalf("line %d: whitespace changed the hash", i)
			}
		}
	})
}

// Whatever the message, path or range, Write produces JSON and no error,
// byte for byte what json.Encoder gives for the same log.
func FuzzWrite(f *testing.F) {
	f.Add("main.tf", "x: bad", 1, 1, 1, 2, "a b/c.tf")
	f.Add("", "\x00\xff<>&\"", -5, 0, -1, -9, "")
	f.Fuzz(func(t *testing.T, file, msg string, sl, sc, el, ec int, callFile string) {
		in := &report.Input{
			WorkDir: "/w",
			Files:   map[string][]byte{file: []byte(msg)},
			Strict:  true,
			Findings: []policies.Finding{{
				RuleID: "r", Severity: policies.Severity(sl % 6), Message: msg, Address: msg,
				Range:        hcl.Range{Filename: file, Start: hcl.Pos{Line: sl, Column: sc}, End: hcl.Pos{Line: el, Column: ec}},
				Undetermined: sc%2 == 0,
			}},
		}
		in.Findings[0].ModuleCalls = append(in.Findings[0].ModuleCalls, moduleCall(callFile))
		var buf bytes.Buffer
		if err := Write(&buf, in); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(buf.Bytes(), []byte(`"startLine": `)) && file != "" {
			t.Fatal("no region")
		}
		if want := encoderOutput(t, in); !bytes.Equal(buf.Bytes(), want) {
			t.Fatalf("Write differs from json.Encoder:\n got %s\nwant %s", buf.Bytes(), want)
		}
	})
}

func moduleCall(file string) graph.ModuleCall {
	return graph.ModuleCall{Name: "m", Address: "module.m", DeclRange: hcl.Range{Filename: file}}
}
