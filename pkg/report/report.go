// Package report turns findings into the documents users and CI read: text,
// JSON, JUnit, checkstyle and markdown. The SARIF writer lives in pkg/sarif.
//
// Layout: Input and the helpers every writer shares (what is shown, the
// summary, relative paths) live here; pkg/sarif imports this package for them.
// The registry that maps a --format name to a Writer needs both packages, so
// it lives in pkg/report/formats, which imports report and sarif; imports stay
// one-way (cmd → report/formats → sarif → report → policies → graph).
//
// Writers only read policies.Finding and policies.Rule values; they never
// import rule implementations. Output is byte-identical for the same Input:
// nothing iterates a map unsorted and nothing writes a timestamp.
package report

import (
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/phi"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// Input is everything a writer needs for one run.
type Input struct {
	// Findings are sorted (policies.SortFindings) and include suppressed and
	// undetermined ones; each writer decides how to show them.
	Findings []policies.Finding
	// Rules are every enabled rule, for rule metadata (title, citations) and
	// SARIF's driver.rules.
	Rules []*policies.Rule
	// Diags are load, parse and config errors and warnings.
	Diags hcl.Diagnostics
	// Files holds source bytes keyed by the file names used in ranges.
	Files map[string][]byte
	// Strict reports undetermined findings (as notes, "cannot verify: ...").
	Strict bool
	// Version is the tool version.
	Version string
	// WorkDir is what absolute file names are made relative to.
	WorkDir string
	// Color turns on ANSI colors in the text writer; the CLI decides.
	Color bool
	// MinSeverity hides findings below it (0 shows all).
	MinSeverity policies.Severity
	// Notes are extra lines for the text output ("unused suppression ...").
	Notes []string
	// Quiet leaves only findings and errors in the text output: no warnings,
	// notes or summary (--quiet).
	Quiet bool
}

// Writer writes one format.
type Writer func(w io.Writer, in *Input) error

// CannotVerifyPrefix starts the message of every undetermined finding that is shown.
const CannotVerifyPrefix = "cannot verify: "

// UndeterminedReason is how the summary explains undetermined checks.
const UndeterminedReason = "values known only after apply"

// Shown returns the findings that appear in outputs, in input order: those at
// or above MinSeverity, and undetermined ones only under Strict. Suppressed
// findings are included; each format decides how to carry them.
func (in *Input) Shown() []policies.Finding {
	// Counted first: a Finding is a few hundred bytes and there can be tens
	// of thousands, so growing the slice by appending would copy them all
	// several times.
	n := 0
	for i := range in.Findings {
		if in.shown(&in.Findings[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]policies.Finding, 0, n)
	for i := range in.Findings {
		if in.shown(&in.Findings[i]) {
			out = append(out, in.Findings[i])
		}
	}
	return out
}

func (in *Input) shown(f *policies.Finding) bool {
	return in.aboveMin(*f) && (!f.Undetermined || in.Strict)
}

func (in *Input) aboveMin(f policies.Finding) bool {
	return in.MinSeverity == 0 || f.Severity >= in.MinSeverity
}

// Summary counts a run's findings.
type Summary struct {
	// Critical, High, Medium and Low count unsuppressed, determined findings
	// at or above MinSeverity; Total is their sum.
	Critical, High, Medium, Low, Total int
	// Suppressed counts suppressed findings at or above MinSeverity.
	Suppressed int
	// Undetermined counts unsuppressed undetermined checks at or above
	// MinSeverity, whether or not Strict shows them.
	Undetermined int
	// Errors and Warnings count Diags.
	Errors, Warnings int
}

// Summarize counts the findings and diagnostics of in.
func (in *Input) Summarize() Summary {
	var s Summary
	for _, f := range in.Findings {
		if !in.aboveMin(f) {
			continue
		}
		switch {
		case f.Suppressed():
			s.Suppressed++
		case f.Undetermined:
			s.Undetermined++
		default:
			s.Total++
			switch f.Severity {
			case policies.Critical:
				s.Critical++
			case policies.High:
				s.High++
			case policies.Medium:
				s.Medium++
			default:
				s.Low++
			}
		}
	}
	for _, d := range in.Diags {
		if d == nil {
			continue
		}
		if d.Severity == hcl.DiagError {
			s.Errors++
		} else {
			s.Warnings++
		}
	}
	return s
}

// RuleIndex maps rule ids to rules, for metadata look-ups.
func (in *Input) RuleIndex() map[string]*policies.Rule {
	idx := make(map[string]*policies.Rule, len(in.Rules))
	for _, r := range in.Rules {
		if r != nil {
			idx[r.ID] = r
		}
	}
	return idx
}

// SortedRules returns the non-nil rules sorted by id, without duplicates, so
// rule indexes do not depend on the caller's order.
func (in *Input) SortedRules() []*policies.Rule {
	seen := map[string]bool{}
	var out []*policies.Rule
	for _, r := range in.Rules {
		if r == nil || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// RelPath returns name relative to WorkDir with forward slashes. Names that
// are already relative are taken as relative to WorkDir (the parser makes them
// so); an absolute name that cannot be made relative is returned as is, with
// forward slashes, and ok false.
func (in *Input) RelPath(name string) (rel string, ok bool) {
	if name == "" {
		return "", true
	}
	if filepath.IsAbs(name) {
		if in.WorkDir == "" {
			return filepath.ToSlash(name), false
		}
		r, err := filepath.Rel(in.WorkDir, name)
		if err != nil {
			return filepath.ToSlash(name), false
		}
		name = r
	}
	rel = filepath.ToSlash(filepath.Clean(name))
	return strings.TrimPrefix(rel, "./"), true
}

// DisplayPath is RelPath for humans: relative inside WorkDir; outside it,
// absolute when WorkDir is known, since "../../x" makes readers count.
func (in *Input) DisplayPath(name string) string {
	p, ok := in.RelPath(name)
	if ok && (p == ".." || strings.HasPrefix(p, "../")) {
		if filepath.IsAbs(name) {
			return filepath.ToSlash(name)
		}
		if filepath.IsAbs(in.WorkDir) {
			return filepath.ToSlash(filepath.Join(in.WorkDir, name))
		}
	}
	return p
}

// Message is the text shown for f: undetermined findings start with
// "cannot verify: " so no reader mistakes them for violations. Rules redact
// what they quote; redacting again here keeps the promise of no PHI in any
// output even when a rule forgets.
func Message(f *policies.Finding) string {
	msg := Redact(f.Message)
	if f.Undetermined && !strings.HasPrefix(msg, CannotVerifyPrefix) {
		return CannotVerifyPrefix + msg
	}
	return msg
}

// Redact masks values shaped like PHI (phi.Redact), keeping the length in
// bytes so source excerpts keep their columns.
func Redact(s string) string { return phi.Redact(s) }

// DiagMessage is "summary: detail" of a diagnostic, redacted: parse errors
// can quote the source they failed on.
func DiagMessage(d *hcl.Diagnostic) string {
	msg := d.Summary
	if d.Detail != "" {
		if msg != "" {
			msg += ": "
		}
		msg += d.Detail
	}
	if msg == "" {
		msg = "unknown error"
	}
	return Redact(msg)
}

// Line returns the 1-based line n of src without its line ending, and false
// when src has no such line.
func Line(src []byte, n int) (string, bool) {
	if n < 1 {
		return "", false
	}
	cur := 1
	start := 0
	for i := 0; i < len(src) && cur < n; i++ {
		if src[i] == '\n' {
			cur++
			start = i + 1
		}
	}
	if cur != n {
		return "", false
	}
	end := start
	for end < len(src) && src[end] != '\n' {
		end++
	}
	return strings.TrimSuffix(string(src[start:end]), "\r"), true
}

// severityOrder lists severities for grouping, critical first.
var severityOrder = []policies.Severity{policies.Critical, policies.High, policies.Medium, policies.Low}

// Plural returns "1 finding" or "2 findings".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
