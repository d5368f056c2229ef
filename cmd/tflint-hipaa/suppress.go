package main

import (
	"fmt"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/config"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// now is the clock suppression expiry is judged by; tests replace it.
var now = time.Now

// applySuppressions marks findings silenced by inline comments and by
// --baseline, and writes --write-baseline. It returns the notes for the text
// output (unused suppressions, fixed baseline entries) and diagnostics:
// warnings for malformed or unknown-id comments, errors for a missing reason
// under require_reason and for an unreadable or unwritable baseline.
func applySuppressions(s *settings, res *parser.Result, findings []policies.Finding) ([]string, hcl.Diagnostics) {
	active := map[string]bool{}
	for _, r := range s.rules {
		active[r.ID] = true
	}
	isActive := func(id string) bool { return active[id] }

	inline := config.ApplyInline(findings, res.Files, config.InlineOptions{
		// Dates in comments are calendar days; UTC keeps a CI run and a laptop
		// in agreement about which day it is.
		Today:         now().UTC(),
		Known:         func(id string) bool { return policies.ByID(id) != nil },
		Active:        isActive,
		Ignorable:     s.cfg.Ignorable,
		RequireReason: s.requireReason,
	})
	notes := inline.Notes
	diags := inline.Diags

	if s.baseline != "" {
		b, err := config.ReadBaseline(s.baseline)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Cannot read baseline",
				Detail:   err.Error(),
			})
		} else {
			notes = append(notes, config.ApplyBaseline(findings, b, s.baseline, isActive)...)
		}
	}
	if s.writeBaseline != "" {
		b := config.NewBaseline(findings)
		if err := config.WriteBaseline(s.writeBaseline, b); err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Cannot write baseline",
				Detail:   err.Error(),
			})
		} else {
			noun := "findings"
			if len(b.Entries) == 1 {
				noun = "finding"
			}
			notes = append(notes, fmt.Sprintf("baseline: recorded %d %s in %s", len(b.Entries), noun, s.writeBaseline))
		}
	}
	return notes, diags
}
