package formats

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/internal/schematest"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report/reporttest"
)

func TestLookup(t *testing.T) {
	want := []string{"text", "json", "sarif", "junit", "checkstyle", "markdown"}
	if got := Formats(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Formats() = %v", got)
	}
	Formats()[0] = "changed"
	if Formats()[0] != "text" {
		t.Error("Formats exposes its slice")
	}
	for _, name := range want {
		if w, ok := Lookup(name); !ok || w == nil {
			t.Errorf("Lookup(%q) missing", name)
		}
	}
	for _, name := range []string{"", "TEXT", "xml", "html"} {
		if _, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) found a writer", name)
		}
	}
}

func write(t *testing.T, format string, in *report.Input) []byte {
	t.Helper()
	w, _ := Lookup(format)
	var buf bytes.Buffer
	if err := w(&buf, in); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// Same input, same bytes; and the order findings arrive in does not matter
// once they are sorted.
func TestDeterministic(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, format := range Formats() {
		first := write(t, format, reporttest.Sample())
		if again := write(t, format, reporttest.Sample()); !bytes.Equal(first, again) {
			t.Errorf("%s: two writes differ", format)
		}
		for i := 0; i < 10; i++ {
			in := reporttest.Sample()
			rng.Shuffle(len(in.Findings), func(a, b int) { in.Findings[a], in.Findings[b] = in.Findings[b], in.Findings[a] })
			rng.Shuffle(len(in.Rules), func(a, b int) { in.Rules[a], in.Rules[b] = in.Rules[b], in.Rules[a] })
			policies.SortFindings(in.Findings)
			if got := write(t, format, in); !bytes.Equal(first, got) {
				t.Errorf("%s: shuffled input %d gives different bytes", format, i)
				break
			}
		}
	}
}

func wellFormedXML(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	elements := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.StartElement); ok {
			elements++
		}
	}
	if elements == 0 {
		return errors.New("no root element")
	}
	return nil
}

// Every format writes a valid document for a clean run, for an input with
// nothing at all, and for the full sample.
func TestValidDocuments(t *testing.T) {
	schema := schematest.Compile(t, filepath.Join("..", "..", "sarif", "testdata", "sarif-schema-2.1.0.json"))
	inputs := map[string]*report.Input{
		"empty":  reporttest.Empty(),
		"zero":   {},
		"sample": reporttest.Sample(),
	}
	for name, in := range inputs {
		for _, format := range Formats() {
			out := write(t, format, in)
			var err error
			switch format {
			case "json":
				var v map[string]any
				if err = json.Unmarshal(out, &v); err == nil && (v["findings"] == nil || v["errors"] == nil) {
					err = errors.New("findings or errors is null")
				}
			case "sarif":
				err = schematest.Validate(t, schema, out)
			case "junit", "checkstyle":
				err = wellFormedXML(out)
			case "text", "markdown":
				if len(bytes.TrimSpace(out)) == 0 || !bytes.HasSuffix(out, []byte("\n")) {
					err = errors.New("empty or unterminated output")
				}
			}
			if err != nil {
				t.Errorf("%s/%s: %v\n%s", name, format, err, out)
			}
		}
	}
}

// No format may carry a value shaped like PHI, even when a rule or a parse
// error quotes one: messages, excerpts, notes and diagnostics are redacted.
func TestNoPHIInAnyFormat(t *testing.T) {
	const ssn = "123-45-6789"
	in := reporttest.Sample()
	in.Files["phi.tf"] = []byte("resource \"aws_s3_bucket\" \"p\" {\n  bucket = \"patient-" + ssn + "\"\n}\n")
	in.Findings = append(in.Findings, policies.Finding{
		RuleID: "aws-s3-bucket-encryption", Severity: policies.High, Root: ".", Address: "aws_s3_bucket.p",
		Message: "aws_s3_bucket.p: bucket name \"patient-" + ssn + "\" looks like PHI",
		Range:   hcl.Range{Filename: "phi.tf", Start: hcl.Pos{Line: 2, Column: 3}, End: hcl.Pos{Line: 2, Column: 33}},
	})
	policies.SortFindings(in.Findings)
	subject := hcl.Range{Filename: "phi.tf", Start: hcl.Pos{Line: 2, Column: 1}, End: hcl.Pos{Line: 2, Column: 2}}
	in.Diags = append(in.Diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Bad value " + ssn, Detail: "near " + ssn, Subject: &subject})
	in.Notes = append(in.Notes, "note about "+ssn)
	for _, format := range Formats() {
		out := write(t, format, in)
		if bytes.Contains(out, []byte(ssn)) || bytes.Contains(out, []byte("123-45")) {
			t.Errorf("%s output carries the SSN:\n%s", format, out)
		}
		if !bytes.Contains(out, []byte("6789")) {
			t.Errorf("%s output lost the redacted finding", format)
		}
	}
}
