package report

import (
	"encoding/xml"
	"io"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitSkipped `xml:"skipped"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit writes one testsuite per rule with findings and one testcase per
// rule × resource (classname = rule id, name = address): a <failure> when any
// of its findings fails, <skipped> when all are suppressed or undetermined.
// Load errors become <error> testcases of a "tflint-hipaa" suite. A clean run
// is an empty, valid <testsuites>.
func JUnit(w io.Writer, in *Input) error {
	type key struct{ rule, root, address string }
	groups := map[key][]policies.Finding{}
	var keys []key
	for _, f := range in.Shown() {
		k := key{f.RuleID, f.Root, f.Address}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.rule != b.rule {
			return a.rule < b.rule
		}
		if a.address != b.address {
			return a.address < b.address
		}
		return a.root < b.root
	})

	doc := junitSuites{Name: "tflint-hipaa"}
	for _, k := range keys {
		if n := len(doc.Suites); n == 0 || doc.Suites[n-1].Name != k.rule {
			doc.Suites = append(doc.Suites, junitSuite{Name: k.rule})
		}
		suite := &doc.Suites[len(doc.Suites)-1]
		c := in.junitCase(groups[k])
		suite.Cases = append(suite.Cases, c)
		suite.Tests++
		if c.Failure != nil {
			suite.Failures++
		} else if c.Skipped != nil {
			suite.Skipped++
		}
	}

	var errSuite junitSuite
	errSuite.Name = "tflint-hipaa"
	for _, d := range in.Diags {
		if d == nil || d.Severity != hcl.DiagError {
			continue
		}
		name, file, line := "load", "", 0
		if d.Subject != nil && d.Subject.Filename != "" {
			name = in.position(*d.Subject)
			file, line = in.DisplayPath(d.Subject.Filename), d.Subject.Start.Line
		}
		errSuite.Cases = append(errSuite.Cases, junitCase{
			ClassName: "tflint-hipaa",
			Name:      name,
			File:      file,
			Line:      line,
			Error:     &junitProblem{Message: Redact(d.Summary), Type: "error", Body: diagLine(in, d)},
		})
		errSuite.Tests++
		errSuite.Errors++
	}
	if errSuite.Tests > 0 {
		doc.Suites = append(doc.Suites, errSuite)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}

	return writeXML(w, doc)
}

func (in *Input) junitCase(fs []policies.Finding) junitCase {
	first := fs[0]
	c := junitCase{ClassName: first.RuleID, Name: first.Address, File: in.DisplayPath(first.Range.Filename)}
	if first.Range.Start.Line > 0 {
		c.Line = first.Range.Start.Line
	}
	var failing, notes []string
	failMessage := ""
	worst := policies.Severity(0)
	for _, f := range fs {
		line := in.DisplayPath(f.Range.Filename)
		if f.Range.Start.Line > 0 {
			line = in.position(f.Range)
		}
		line += ": " + Message(&f)
		switch {
		case f.Suppressed():
			notes = append(notes, "suppressed ("+f.Suppression.Source+"): "+f.Suppression.Reason)
		case f.Undetermined:
			notes = append(notes, Message(&f))
		default:
			failing = append(failing, line)
			if failMessage == "" {
				failMessage = firstLine(Message(&f))
			}
			if f.Severity > worst {
				worst = f.Severity
			}
		}
	}
	if len(failing) > 0 {
		c.Failure = &junitProblem{
			Message: failMessage,
			Type:    worst.String(),
			Body:    strings.Join(failing, "\n"),
		}
		return c
	}
	c.Skipped = &junitSkipped{Message: strings.Join(notes, "; ")}
	return c
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// diagLine renders a diagnostic as "file:line:col: summary: detail".
func diagLine(in *Input, d *hcl.Diagnostic) string {
	msg := DiagMessage(d)
	if d.Subject != nil && d.Subject.Filename != "" {
		return in.position(*d.Subject) + ": " + msg
	}
	return msg
}

// clampPos makes a line or column 1-based for formats that have no "unknown".
func clampPos(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// writeXML writes doc as an indented XML document with its declaration and
// a final newline, as both XML formats do.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
