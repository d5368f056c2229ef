package report

import (
	"encoding/json"
	"io"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// JSONVersion is the version of the JSON shape (docs/json-output.md). It
// changes only when a field is removed or changes meaning.
const JSONVersion = 1

type jsonDoc struct {
	Version  int           `json:"version"`
	Tool     jsonTool      `json:"tool"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonDiag    `json:"errors"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	RuleID       string           `json:"rule_id"`
	Severity     string           `json:"severity"`
	Title        string           `json:"title"`
	Message      string           `json:"message"`
	Address      string           `json:"address"`
	Module       string           `json:"module"`
	Path         string           `json:"path"`
	File         string           `json:"file"`
	StartLine    int              `json:"start_line"`
	StartColumn  int              `json:"start_column"`
	EndLine      int              `json:"end_line"`
	EndColumn    int              `json:"end_column"`
	Citations    []string         `json:"citations"`
	ModuleCalls  []jsonModuleCall `json:"module_calls"`
	Undetermined bool             `json:"undetermined,omitempty"`
	Suppressed   bool             `json:"suppressed"`
	Suppression  *jsonSuppression `json:"suppression"`
	Fingerprint  string           `json:"fingerprint"`
}

type jsonModuleCall struct {
	Address   string `json:"address"`
	File      string `json:"file"`
	StartLine int    `json:"start_line"`
}

type jsonSuppression struct {
	Kind    string `json:"kind"`
	Source  string `json:"source"`
	Reason  string `json:"reason"`
	Expires string `json:"expires"`
}

type jsonDiag struct {
	Severity    string `json:"severity"`
	Summary     string `json:"summary"`
	Detail      string `json:"detail"`
	File        string `json:"file"`
	StartLine   int    `json:"start_line"`
	StartColumn int    `json:"start_column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
}

type jsonSummary struct {
	Critical     int `json:"critical"`
	High         int `json:"high"`
	Medium       int `json:"medium"`
	Low          int `json:"low"`
	Total        int `json:"total"`
	Suppressed   int `json:"suppressed"`
	Undetermined int `json:"undetermined"`
	Errors       int `json:"errors"`
	Warnings     int `json:"warnings"`
}

// JSON writes the versioned JSON document described in docs/json-output.md.
func JSON(w io.Writer, in *Input) error {
	rules := in.RuleIndex()
	shown := in.Shown()
	doc := jsonDoc{
		Version:  JSONVersion,
		Tool:     jsonTool{Name: "tflint-hipaa", Version: in.Version},
		Findings: make([]jsonFinding, 0, len(shown)),
		Errors:   make([]jsonDiag, 0, len(in.Diags)),
	}
	for i := range shown {
		doc.Findings = append(doc.Findings, in.jsonFinding(&shown[i], rules[shown[i].RuleID]))
	}
	for _, d := range in.Diags {
		if d == nil {
			continue
		}
		jd := jsonDiag{Severity: "warning", Summary: Redact(d.Summary), Detail: Redact(d.Detail)}
		if d.Severity == hcl.DiagError {
			jd.Severity = "error"
		}
		if d.Subject != nil {
			jd.File = in.DisplayPath(d.Subject.Filename)
			jd.StartLine, jd.StartColumn = d.Subject.Start.Line, d.Subject.Start.Column
			jd.EndLine, jd.EndColumn = d.Subject.End.Line, d.Subject.End.Column
		}
		doc.Errors = append(doc.Errors, jd)
	}
	s := in.Summarize()
	doc.Summary = jsonSummary{
		Critical: s.Critical, High: s.High, Medium: s.Medium, Low: s.Low, Total: s.Total,
		Suppressed: s.Suppressed, Undetermined: s.Undetermined, Errors: s.Errors, Warnings: s.Warnings,
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (in *Input) jsonFinding(f *policies.Finding, rule *policies.Rule) jsonFinding {
	jf := jsonFinding{
		RuleID:       f.RuleID,
		Severity:     f.Severity.String(),
		Message:      Message(f),
		Address:      f.Address,
		Module:       f.Module,
		Path:         f.Path,
		File:         in.DisplayPath(f.Range.Filename),
		StartLine:    f.Range.Start.Line,
		StartColumn:  f.Range.Start.Column,
		EndLine:      f.Range.End.Line,
		EndColumn:    f.Range.End.Column,
		Citations:    []string{},
		ModuleCalls:  []jsonModuleCall{},
		Undetermined: f.Undetermined,
		Suppressed:   f.Suppressed(),
		Fingerprint:  policies.Fingerprint(f),
	}
	if jf.File == "" {
		jf.File = in.DisplayPath(f.Root)
	}
	if rule != nil {
		jf.Title = rule.Title
		jf.Citations = append(jf.Citations, rule.Citations...)
	}
	for _, c := range f.ModuleCalls {
		jf.ModuleCalls = append(jf.ModuleCalls, jsonModuleCall{
			Address: c.Address, File: in.DisplayPath(c.DeclRange.Filename), StartLine: c.DeclRange.Start.Line,
		})
	}
	if s := f.Suppression; s != nil {
		jf.Suppression = &jsonSuppression{Kind: s.Kind, Source: s.Source, Reason: s.Reason, Expires: s.Expires}
	}
	return jf
}
