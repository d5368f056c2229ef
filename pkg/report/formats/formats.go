// Package formats maps --format names to writers. It is separate from
// pkg/report because the SARIF writer (pkg/sarif) imports report for Input;
// a registry inside report would import sarif back. The CLI needs one call:
//
//	write, ok := formats.Lookup(name)
//	err := write(out, &report.Input{...})
package formats

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/sarif"
)

// names lists the formats in the order help text shows them.
var names = []string{"text", "json", "sarif", "junit", "checkstyle", "markdown"}

var writers = map[string]report.Writer{
	"text":       report.Text,
	"json":       report.JSON,
	"sarif":      sarif.Write,
	"junit":      report.JUnit,
	"checkstyle": report.Checkstyle,
	"markdown":   report.Markdown,
}

// Lookup returns the writer for a format name.
func Lookup(format string) (report.Writer, bool) {
	w, ok := writers[format]
	return w, ok
}

// Formats returns every format name, text first.
func Formats() []string {
	return append([]string(nil), names...)
}
