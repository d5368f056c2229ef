package formats

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
)

// Any message, address, file name or range gives every format a well-formed
// document: XML that parses, JSON that parses, and no error or panic.
func FuzzWriters(f *testing.F) {
	f.Add("main.tf", "x: bad | <b>\n`y`", "a.b[\"k\"]", 1, 3, 1, 9, true)
	f.Add("", "\x00\x1b[31m\xff]]>", "", -1, 0, -7, 0, false)
	f.Fuzz(func(t *testing.T, file, msg, address string, sl, sc, el, ec int, suppressed bool) {
		rng := hcl.Range{Filename: file, Start: hcl.Pos{Line: sl, Column: sc}, End: hcl.Pos{Line: el, Column: ec}}
		fd := policies.Finding{
			RuleID: address, Severity: policies.Severity(1 + (sl & 3)), Message: msg, Address: address,
			Range: rng, Undetermined: ec%3 == 0,
		}
		if suppressed {
			fd.Suppression = &policies.Suppression{Kind: "inSource", Reason: msg, Range: rng}
		}
		in := &report.Input{
			Findings: []policies.Finding{fd},
			Rules:    []*policies.Rule{{ID: address, Title: msg, Description: msg, Remediation: msg}},
			Diags:    hcl.Diagnostics{{Severity: hcl.DiagError, Summary: msg, Detail: msg, Subject: &rng}},
			Files:    map[string][]byte{file: []byte(msg)},
			Strict:   true,
			WorkDir:  "/w",
			Color:    suppressed,
			Notes:    []string{msg},
		}
		for _, format := range Formats() {
			w, _ := Lookup(format)
			var buf bytes.Buffer
			if err := w(&buf, in); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case "json", "sarif":
				if !json.Valid(buf.Bytes()) {
					t.Fatalf("%s: invalid JSON:\n%s", format, buf.Bytes())
				}
			case "junit", "checkstyle":
				if err := wellFormedXML(buf.Bytes()); err != nil {
					t.Fatalf("%s: %v\n%s", format, err, buf.Bytes())
				}
			}
		}
	})
}
