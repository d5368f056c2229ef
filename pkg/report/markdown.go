package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// Markdown writes a report fit for a pull-request comment: a summary line,
// then one table per severity (critical first), then undetermined checks
// under Strict and load errors. Suppressed findings are only counted.
func Markdown(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	s := in.Summarize()
	bw.WriteString("## tflint-hipaa HIPAA findings\n\n")
	bw.WriteString(markdownSummary(s) + "\n")

	groups := map[policies.Severity][]policies.Finding{}
	var undetermined []policies.Finding
	for _, f := range in.Shown() {
		switch {
		case f.Suppressed():
		case f.Undetermined:
			undetermined = append(undetermined, f)
		default:
			groups[f.Severity] = append(groups[f.Severity], f)
		}
	}
	for _, sev := range severityOrder {
		fs := groups[sev]
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n### %s (%d)\n\n", titleCase(sev.String()), len(fs))
		in.markdownTable(bw, fs)
	}
	if len(undetermined) > 0 {
		fmt.Fprintf(bw, "\n### Cannot verify before apply (%d)\n\n", len(undetermined))
		in.markdownTable(bw, undetermined)
	}

	var errs []*hcl.Diagnostic
	for _, d := range in.Diags {
		if d != nil && d.Severity == hcl.DiagError {
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		fmt.Fprintf(bw, "\n### Errors (%d)\n\n| Location | Error |\n| --- | --- |\n", len(errs))
		for _, d := range errs {
			loc := ""
			if d.Subject != nil && d.Subject.Filename != "" {
				loc = mdCode(in.position(*d.Subject))
			}
			msg := DiagMessage(d)
			fmt.Fprintf(bw, "| %s | %s |\n", loc, mdText(msg))
		}
	}
	return bw.Flush()
}

func (in *Input) markdownTable(w *bufio.Writer, fs []policies.Finding) {
	w.WriteString("| Rule | Resource | Location | Message |\n| --- | --- | --- | --- |\n")
	for _, f := range fs {
		loc := in.DisplayPath(f.Range.Filename)
		if f.Range.Start.Line > 0 {
			loc = in.position(f.Range)
		}
		if loc == "" {
			loc = in.DisplayPath(f.Root)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", mdCode(f.RuleID), mdCode(f.Address), mdCode(loc), mdText(Message(&f)))
	}
}

func markdownSummary(s Summary) string {
	var b strings.Builder
	if s.Total == 0 {
		b.WriteString("**No findings.**")
	} else {
		b.WriteString("**" + Plural(s.Total, "finding") + "**")
		var parts []string
		for _, c := range []struct {
			n    int
			name string
		}{{s.Critical, "critical"}, {s.High, "high"}, {s.Medium, "medium"}, {s.Low, "low"}} {
			if c.n > 0 {
				parts = append(parts, strconv.Itoa(c.n)+" "+c.name)
			}
		}
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	if s.Suppressed > 0 {
		b.WriteString(" · " + strconv.Itoa(s.Suppressed) + " suppressed")
	}
	if s.Undetermined > 0 {
		b.WriteString(" · " + Plural(s.Undetermined, "check") + " undetermined: " + UndeterminedReason)
	}
	if s.Errors > 0 {
		b.WriteString(" · " + Plural(s.Errors, "error"))
	}
	return b.String()
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// mdText escapes s for a table cell: pipes would end the cell, newlines the
// row, and the other characters would turn text into markup or HTML.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch r {
		case '\n', '\r':
			b.WriteString("<br>")
		case '|', '\\', '`', '*', '_', '[', ']', '<', '>', '#', '~':
			b.WriteRune('\\')
			b.WriteRune(r)
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteRune('\uFFFD')
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode wraps s in a code span. Inside a table GitHub still splits cells on
// "|", so pipes are escaped; text a code span cannot hold is escaped instead.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, "`\n\r") {
		return mdText(s)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return mdText(s)
		}
	}
	return "`" + strings.ReplaceAll(s, "|", `\|`) + "`"
}
