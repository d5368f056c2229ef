package report

import (
	"encoding/xml"
	"io"
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes checkstyle XML, which many CI tools and reviewdog read:
// one <file> per file, one <error> per unsuppressed finding (source = rule id)
// and per load error that has a place. Suppressed findings are left out, as
// checkstyle cannot mark them.
func Checkstyle(w io.Writer, in *Input) error {
	byFile := map[string][]checkstyleError{}
	add := func(file string, e checkstyleError) {
		byFile[file] = append(byFile[file], e)
	}
	for _, d := range in.Diags {
		if d == nil || d.Subject == nil || d.Subject.Filename == "" {
			continue
		}
		sev := "warning"
		if d.Severity == hcl.DiagError {
			sev = "error"
		}
		msg := DiagMessage(d)
		add(in.DisplayPath(d.Subject.Filename), checkstyleError{
			Line: clampPos(d.Subject.Start.Line), Column: clampPos(d.Subject.Start.Column),
			Severity: sev, Message: msg, Source: "tflint-hipaa",
		})
	}
	for _, f := range in.Shown() {
		if f.Suppressed() {
			continue
		}
		file := f.Range.Filename
		if file == "" {
			file = f.Root
		}
		add(in.DisplayPath(file), checkstyleError{
			Line: clampPos(f.Range.Start.Line), Column: clampPos(f.Range.Start.Column),
			Severity: checkstyleSeverity(&f), Message: Message(&f), Source: f.RuleID,
		})
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	doc := checkstyleDoc{Version: "4.3"}
	for _, name := range names {
		errs := byFile[name]
		// Load errors were added first; order everything by place.
		sort.SliceStable(errs, func(i, j int) bool {
			if errs[i].Line != errs[j].Line {
				return errs[i].Line < errs[j].Line
			}
			return errs[i].Column < errs[j].Column
		})
		doc.Files = append(doc.Files, checkstyleFile{Name: name, Errors: byFile[name]})
	}
	return writeXML(w, doc)
}

func checkstyleSeverity(f *policies.Finding) string {
	if f.Undetermined {
		return "info"
	}
	switch f.Severity {
	case policies.Critical, policies.High:
		return "error"
	case policies.Medium:
		return "warning"
	}
	return "info"
}
