package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/fatih/color"
	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// palette holds the text writer's colors; every one is a no-op when color is off.
type palette struct {
	sev   map[policies.Severity]*color.Color
	note  *color.Color
	err   *color.Color
	warn  *color.Color
	place *color.Color
	faint *color.Color
	caret *color.Color
}

func newPalette(on bool) *palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		// The CLI has already decided (TTY, NO_COLOR, --no-color); fatih/color's
		// own global detection must not override it either way.
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return &palette{
		sev: map[policies.Severity]*color.Color{
			policies.Critical: mk(color.FgRed, color.Bold),
			policies.High:     mk(color.FgRed),
			policies.Medium:   mk(color.FgYellow),
			policies.Low:      mk(color.FgCyan),
		},
		note:  mk(color.FgBlue),
		err:   mk(color.FgRed, color.Bold),
		warn:  mk(color.FgYellow),
		place: mk(color.Bold),
		faint: mk(color.Faint),
		caret: mk(color.FgRed, color.Bold),
	}
}

func (p *palette) severity(f *policies.Finding) string {
	if f.Undetermined {
		return p.note.Sprint("NOTE")
	}
	label := strings.ToUpper(f.Severity.String())
	if c, ok := p.sev[f.Severity]; ok {
		return c.Sprint(label)
	}
	return label
}

// Text writes findings for people at a terminal:
//
//	main.tf:12:3  CRITICAL  aws-rds-storage-encrypted  aws_db_instance.main: ...
//	  resource: aws_db_instance.main
//	    12 |   storage_encrypted = false
//	       |   ^^^^^^^^^^^^^^^^^^^^^^^^^
//	  citation: 45 CFR 164.312(a)(2)(iv)
//
// Diagnostics come first, suppressed findings only as a count, and a summary
// line ends the output.
func Text(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	p := newPalette(in.Color)
	rules := in.RuleIndex()

	shownDiags := 0
	for _, d := range in.Diags {
		if d == nil || (in.Quiet && d.Severity != hcl.DiagError) {
			continue
		}
		shownDiags++
		label := p.warn.Sprint("WARNING")
		if d.Severity == hcl.DiagError {
			label = p.err.Sprint("ERROR")
		}
		msg := sanitize(DiagMessage(d))
		if d.Subject != nil && d.Subject.Filename != "" {
			fmt.Fprintf(bw, "%s  %s  %s\n", p.place.Sprint(in.position(*d.Subject)), label, indentRest(msg))
		} else {
			fmt.Fprintf(bw, "%s  %s\n", label, indentRest(msg))
		}
	}
	if shownDiags > 0 {
		bw.WriteString("\n")
	}

	for _, f := range in.Shown() {
		if f.Suppressed() {
			continue
		}
		in.textFinding(bw, p, &f, rules[f.RuleID])
	}

	if in.Quiet {
		return bw.Flush()
	}
	for _, n := range in.Notes {
		fmt.Fprintln(bw, indentRest(sanitize(Redact(n))))
	}
	s := in.Summarize()
	if s.Suppressed > 0 {
		fmt.Fprintf(bw, "%s suppressed\n", Plural(s.Suppressed, "finding"))
	}
	if s.Undetermined > 0 {
		line := Plural(s.Undetermined, "check") + " undetermined: " + UndeterminedReason
		if !in.Strict {
			line += " (--strict lists them)"
		}
		fmt.Fprintln(bw, line)
	}
	fmt.Fprintln(bw, summaryLine(s))
	return bw.Flush()
}

func (in *Input) textFinding(w *bufio.Writer, p *palette, f *policies.Finding, rule *policies.Rule) {
	place := in.DisplayPath(f.Range.Filename)
	if f.Range.Start.Line > 0 {
		place = in.position(f.Range)
	}
	if place == "" {
		place = in.DisplayPath(f.Root)
	}
	place = sanitizeLine(place)
	fmt.Fprintf(w, "%s  %s  %s  %s\n", p.place.Sprint(place), p.severity(f), p.faint.Sprint(f.RuleID), indentRest(sanitize(Message(f))))
	if f.Address != "" {
		fmt.Fprintf(w, "  resource: %s\n", sanitize(f.Address))
	}
	for _, call := range f.ModuleCalls {
		at := ""
		if call.DeclRange.Filename != "" {
			at = " (" + in.position(call.DeclRange) + ")"
		}
		fmt.Fprintf(w, "  via: module call %s%s\n", sanitize(call.Address), at)
	}
	in.excerpt(w, p, f.Range)
	if rule != nil && len(rule.Citations) > 0 {
		label := "citation"
		if len(rule.Citations) > 1 {
			label = "citations"
		}
		fmt.Fprintf(w, "  %s: %s\n", label, strings.Join(rule.Citations, "; "))
	}
	w.WriteString("\n")
}

// position renders file:line:col with the file relative to WorkDir.
func (in *Input) position(r hcl.Range) string {
	line, col := r.Start.Line, r.Start.Column
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	return sanitizeLine(in.DisplayPath(r.Filename)) + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// excerpt prints the range's first line with a caret underline below the
// range (to the line's end when the range spans lines).
func (in *Input) excerpt(w *bufio.Writer, p *palette, r hcl.Range) {
	src, ok := in.Files[r.Filename]
	if !ok || r.Start.Line < 1 {
		return
	}
	line, ok := Line(src, r.Start.Line)
	if !ok {
		return
	}
	runes := []rune(sanitizeLine(Redact(line)))
	start := r.Start.Column - 1
	if start < 0 {
		start = 0
	}
	if start > len(runes) {
		start = len(runes)
	}
	end := len(runes)
	if r.End.Line == r.Start.Line && r.End.Column-1 < end {
		end = r.End.Column - 1
	}
	width := end - start
	if width < 1 {
		width = 1
	}
	// The pad copies tabs so the carets line up under tab-indented code.
	var pad strings.Builder
	for _, c := range runes[:start] {
		if c == '\t' {
			pad.WriteRune('\t')
		} else {
			pad.WriteRune(' ')
		}
	}
	num := strconv.Itoa(r.Start.Line)
	gutter := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, "  %s %s %s\n", p.faint.Sprint(num), p.faint.Sprint("|"), string(runes))
	fmt.Fprintf(w, "  %s %s %s%s\n", gutter, p.faint.Sprint("|"), pad.String(), p.caret.Sprint(strings.Repeat("^", width)))
}

func summaryLine(s Summary) string {
	var b strings.Builder
	if s.Total == 0 {
		b.WriteString("No findings")
	} else {
		b.WriteString(Plural(s.Total, "finding"))
		var parts []string
		for _, c := range []struct {
			n    int
			name string
		}{{s.Critical, "critical"}, {s.High, "high"}, {s.Medium, "medium"}, {s.Low, "low"}} {
			if c.n > 0 {
				parts = append(parts, strconv.Itoa(c.n)+" "+c.name)
			}
		}
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	extra := []string{}
	if s.Suppressed > 0 {
		extra = append(extra, strconv.Itoa(s.Suppressed)+" suppressed")
	}
	if s.Undetermined > 0 {
		extra = append(extra, strconv.Itoa(s.Undetermined)+" undetermined")
	}
	if s.Errors > 0 {
		extra = append(extra, Plural(s.Errors, "error"))
	}
	if s.Warnings > 0 {
		extra = append(extra, Plural(s.Warnings, "warning"))
	}
	if len(extra) > 0 {
		b.WriteString(", " + strings.Join(extra, ", "))
	}
	b.WriteString(".")
	return b.String()
}

// indentRest indents the continuation lines of a multi-line message so they
// do not look like new findings.
func indentRest(s string) string {
	return strings.ReplaceAll(s, "\n", "\n    ")
}

// sanitize drops control characters other than newline and tab: a hostile
// file name or value must not be able to send escape sequences to a terminal.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func sanitizeLine(s string) string {
	return strings.ReplaceAll(sanitize(s), "\n", "\uFFFD")
}
