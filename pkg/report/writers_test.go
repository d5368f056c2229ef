package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func render(t *testing.T, w report.Writer, in *report.Input) string {
	t.Helper()
	var buf bytes.Buffer
	if err := w(&buf, in); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var writers = map[string]struct {
	write report.Writer
	ext   string
}{
	"text":       {report.Text, "txt"},
	"json":       {report.JSON, "json"},
	"junit":      {report.JUnit, "xml"},
	"checkstyle": {report.Checkstyle, "xml"},
	"markdown":   {report.Markdown, "md"},
}

func TestGolden(t *testing.T) {
	colored := reporttest.Sample()
	colored.Color = true
	nonStrict := reporttest.Sample()
	nonStrict.Strict = false
	inputs := map[string]*report.Input{
		"sample":     reporttest.Sample(),
		"non-strict": nonStrict,
		"empty":      reporttest.Empty(),
	}
	for format, wr := range writers {
		for name, in := range inputs {
			t.Run(format+"/"+name, func(t *testing.T) {
				golden(t, filepath.Join("testdata", "golden", name+"."+format+"."+wr.ext), render(t, wr.write, in))
			})
		}
	}
	t.Run("text/color", func(t *testing.T) {
		golden(t, filepath.Join("testdata", "golden", "color.text.txt"), render(t, report.Text, colored))
	})
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, got)
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestText(t *testing.T) {
	out := render(t, report.Text, reporttest.Sample())
	if ansi.MatchString(out) {
		t.Error("colors without Color")
	}
	for _, want := range []string{
		"main.tf:12:3  CRITICAL  aws-rds-storage-encrypted  aws_db_instance.main: storage_encrypted is false; set storage_encrypted = true\n" +
			"  resource: aws_db_instance.main\n" +
			"  12 |   storage_encrypted = false\n" +
			"     |   ^^^^^^^^^^^^^^^^^^^^^^^^^\n" +
			"  citation: 45 CFR 164.312(a)(2)(iv)\n",
		"modules/db/main.tf:1:1  HIGH  aws-s3-bucket-encryption",
		"  via: module call module.db (main.tf:1:1)\n",
		"main.tf:13:3  NOTE  aws-rds-kms-cmk  cannot verify: ",
		"broken.tf:3:12  ERROR  Invalid expression: Expected the start",
		"WARNING  No Terraform files",
		"/elsewhere/shared/net.tf:1:1  MEDIUM  aws-vpc-flow-logs  aws_flow_log.vpc: traffic_type is \"ACCEPT|REJECT\"\n    set traffic_type",
		"plan.json  MEDIUM  aws-s3-bucket-versioning",
		"unused suppression: main.tf:20",
		"2 findings suppressed\n",
		"1 check undetermined: values known only after apply\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "aws_s3_bucket.legacy") {
		t.Error("suppressed findings are listed one by one")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; last != "6 findings (1 critical, 1 high, 2 medium, 2 low), 2 suppressed, 1 undetermined, 1 error, 1 warning." {
		t.Errorf("summary line %q", last)
	}

	in := reporttest.Sample()
	in.Strict = false
	out = render(t, report.Text, in)
	if strings.Contains(out, "cannot verify") || !strings.Contains(out, "1 check undetermined: values known only after apply (--strict lists them)") {
		t.Errorf("undetermined handling without --strict:\n%s", out)
	}

	in = reporttest.Sample()
	in.Color = true
	colored := render(t, report.Text, in)
	if !ansi.MatchString(colored) {
		t.Error("no colors with Color")
	}
	if plain := ansi.ReplaceAllString(colored, ""); plain != render(t, report.Text, reporttest.Sample()) {
		t.Errorf("colored text differs from plain text beyond the escapes:\n%s", plain)
	}

	if got := render(t, report.Text, reporttest.Empty()); got != "No findings.\n" {
		t.Errorf("empty text = %q", got)
	}
}

func TestTextExcerptTabsAndHostileInput(t *testing.T) {
	src := "resource \"x\" \"y\" {\n\t\tname = \"\x1b[31mred\"\n}\n"
	in := &report.Input{
		Files: map[string][]byte{"t.tf": []byte(src)},
		Findings: []policies.Finding{{
			RuleID: "r", Severity: policies.High, Message: "y: bad \x1b]0;title\x07",
			Address: "x.y", Range: hcl.Range{Filename: "t.tf", Start: hcl.Pos{Line: 2, Column: 3}, End: hcl.Pos{Line: 2, Column: 7}},
		}},
	}
	out := render(t, report.Text, in)
	if strings.ContainsRune(out, '\x1b') || strings.ContainsRune(out, '\x07') {
		t.Errorf("control characters reach the terminal: %q", out)
	}
	if !strings.Contains(out, "  2 | \t\tname") || !strings.Contains(out, "    | \t\t^^^^\n") {
		t.Errorf("caret not under the range with tabs:\n%s", out)
	}
}

func TestTextRangeOutsideLine(t *testing.T) {
	in := &report.Input{
		Files: map[string][]byte{"t.tf": []byte("short\n")},
		Findings: []policies.Finding{
			{RuleID: "r", Severity: policies.Low, Message: "past the end", Range: hcl.Range{Filename: "t.tf", Start: hcl.Pos{Line: 1, Column: 40}, End: hcl.Pos{Line: 1, Column: 50}}},
			{RuleID: "r", Severity: policies.Low, Message: "past the last line", Range: hcl.Range{Filename: "t.tf", Start: hcl.Pos{Line: 9, Column: 1}, End: hcl.Pos{Line: 9, Column: 2}}},
			{RuleID: "r", Severity: policies.Low, Message: "no file bytes", Range: hcl.Range{Filename: "gone.tf", Start: hcl.Pos{Line: 1, Column: 1}}},
		},
	}
	out := render(t, report.Text, in)
	if !strings.Contains(out, "  1 | short\n    |      ^\n") {
		t.Errorf("column past the end not clamped:\n%s", out)
	}
	if !strings.Contains(out, "t.tf:9:1  LOW  r  past the last line\n\n") || !strings.Contains(out, "gone.tf:1:1  LOW  r  no file bytes\n\n") {
		t.Errorf("missing lines must print no excerpt:\n%s", out)
	}
}

func TestJSONShape(t *testing.T) {
	var doc struct {
		Version  int              `json:"version"`
		Findings []map[string]any `json:"findings"`
		Errors   []map[string]any `json:"errors"`
		Summary  map[string]int   `json:"summary"`
	}
	in := reporttest.Sample()
	if err := json.Unmarshal([]byte(render(t, report.JSON, in)), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Findings) != len(in.Findings) || len(doc.Errors) != 2 {
		t.Fatalf("version %d, %d findings, %d errors", doc.Version, len(doc.Findings), len(doc.Errors))
	}
	keys := []string{"rule_id", "severity", "title", "message", "address", "file", "start_line", "start_column",
		"end_line", "end_column", "citations", "suppressed", "suppression", "fingerprint", "module", "path"}
	for i, f := range doc.Findings {
		for _, k := range keys {
			if _, ok := f[k]; !ok {
				t.Errorf("finding %d lacks %q", i, k)
			}
		}
		if _, ok := f["citations"].([]any); !ok {
			t.Errorf("finding %d: citations %v is not an array", i, f["citations"])
		}
		if f["suppressed"] == true {
			s, ok := f["suppression"].(map[string]any)
			if !ok || s["kind"] == nil || s["source"] == nil || s["reason"] == nil || s["expires"] == nil {
				t.Errorf("finding %d: suppression %v", i, f["suppression"])
			}
		} else if f["suppression"] != nil {
			t.Errorf("finding %d: unsuppressed with suppression %v", i, f["suppression"])
		}
		und, marked := f["undetermined"]
		isUnd := strings.HasPrefix(f["message"].(string), "cannot verify: ")
		if isUnd != (marked && und == true) {
			t.Errorf("finding %d: undetermined %v, message %q", i, und, f["message"])
		}
		if f["fingerprint"] == "" {
			t.Errorf("finding %d: no fingerprint", i)
		}
	}
	want := map[string]int{"critical": 1, "high": 1, "medium": 2, "low": 2, "total": 6, "suppressed": 2, "undetermined": 1, "errors": 1, "warnings": 1}
	for k, v := range want {
		if doc.Summary[k] != v {
			t.Errorf("summary.%s = %d, want %d", k, doc.Summary[k], v)
		}
	}

	empty := render(t, report.JSON, &report.Input{})
	if !strings.Contains(empty, `"findings": []`) || !strings.Contains(empty, `"errors": []`) {
		t.Errorf("empty JSON must have [] arrays:\n%s", empty)
	}
}

type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Skipped  int `xml:"skipped,attr"`
	Suites   []struct {
		Name  string `xml:"name,attr"`
		Tests int    `xml:"tests,attr"`
		Cases []struct {
			ClassName string `xml:"classname,attr"`
			Name      string `xml:"name,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			Error *struct{} `xml:"error"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnit(t *testing.T) {
	var doc junitDoc
	if err := xml.Unmarshal([]byte(render(t, report.JUnit, reporttest.Sample())), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 10 || doc.Failures != 6 || doc.Errors != 1 || doc.Skipped != 3 {
		t.Errorf("totals tests=%d failures=%d errors=%d skipped=%d", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
	found := map[string]bool{}
	for _, s := range doc.Suites {
		if s.Tests != len(s.Cases) {
			t.Errorf("suite %s: tests=%d but %d cases", s.Name, s.Tests, len(s.Cases))
		}
		for _, c := range s.Cases {
			found[c.ClassName+" "+c.Name] = true
			switch c.ClassName + " " + c.Name {
			case "aws-rds-storage-encrypted aws_db_instance.main":
				if c.Failure == nil || !strings.Contains(c.Failure.Body, "main.tf:12:3") || !strings.Contains(c.Failure.Message, "storage_encrypted is false") {
					t.Errorf("failure = %+v", c.Failure)
				}
			case "aws-s3-bucket-encryption aws_s3_bucket.legacy":
				if c.Skipped == nil || c.Failure != nil || !strings.Contains(c.Skipped.Message, "legacy bucket, ticket 42") {
					t.Errorf("suppressed case = %+v", c)
				}
			case "aws-rds-kms-cmk aws_db_instance.main":
				if c.Skipped == nil || !strings.HasPrefix(c.Skipped.Message, "cannot verify: ") {
					t.Errorf("undetermined case = %+v", c)
				}
			case "tflint-hipaa broken.tf:3:12":
				if c.Error == nil {
					t.Error("parse error is not an <error>")
				}
			}
		}
	}
	if !found["aws-ec2-dedicated-tenancy aws_instance.app[0]"] || !found["aws-ec2-dedicated-tenancy aws_instance.app[1]"] {
		t.Errorf("count instances are not separate testcases: %v", found)
	}

	// Two findings of one rule on one resource are one testcase.
	in := &report.Input{Findings: []policies.Finding{
		{RuleID: "r", Severity: policies.High, Address: "a.b", Path: "x", Message: "a.b: x"},
		{RuleID: "r", Severity: policies.High, Address: "a.b", Path: "y", Message: "a.b: y"},
	}}
	doc = junitDoc{}
	if err := xml.Unmarshal([]byte(render(t, report.JUnit, in)), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 1 || len(doc.Suites) != 1 || doc.Suites[0].Cases[0].Failure == nil ||
		!strings.Contains(doc.Suites[0].Cases[0].Failure.Body, "a.b: x") || !strings.Contains(doc.Suites[0].Cases[0].Failure.Body, "a.b: y") {
		t.Errorf("rule × resource grouping: %+v", doc)
	}
}

func TestCheckstyle(t *testing.T) {
	var doc struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(render(t, report.Checkstyle, reporttest.Sample())), &doc); err != nil {
		t.Fatal(err)
	}
	names := []string{}
	total := 0
	for _, f := range doc.Files {
		names = append(names, f.Name)
		for _, e := range f.Errors {
			total++
			if e.Line < 1 || e.Column < 1 {
				t.Errorf("%s: line %d column %d", f.Name, e.Line, e.Column)
			}
			if f.Name == "main.tf" && e.Line == 12 && (e.Severity != "error" || e.Source != "aws-rds-storage-encrypted") {
				t.Errorf("main.tf:12 = %+v", e)
			}
			if strings.Contains(e.Message, "legacy") {
				t.Errorf("suppressed finding listed: %+v", e)
			}
		}
	}
	if strings.Join(names, ",") != "/elsewhere/shared/net.tf,broken.tf,main.tf,modules/db/main.tf,plan.json" {
		t.Errorf("files %v", names)
	}
	if total != 8 {
		t.Errorf("%d errors, want 7 unsuppressed findings + 1 parse error", total)
	}
}

func TestMarkdown(t *testing.T) {
	out := render(t, report.Markdown, reporttest.Sample())
	crit := strings.Index(out, "### Critical (1)")
	high := strings.Index(out, "### High (1)")
	med := strings.Index(out, "### Medium (2)")
	low := strings.Index(out, "### Low (2)")
	if crit < 0 || !(crit < high && high < med && med < low) {
		t.Errorf("severity groups out of order:\n%s", out)
	}
	if !strings.Contains(out, `traffic\_type is "ACCEPT\|REJECT"<br>set`) {
		t.Errorf("pipe and newline not escaped:\n%s", out)
	}
	findings, errs, _ := strings.Cut(out, "### Errors")
	for part, want := range map[string]int{findings: 5, errs: 3} {
		for _, line := range strings.Split(part, "\n") {
			if !strings.HasPrefix(line, "| ") {
				continue
			}
			if n := strings.Count(line, "|") - strings.Count(line, `\|`); n != want {
				t.Errorf("row has %d cell separators, want %d: %s", n, want, line)
			}
		}
	}
	if strings.Contains(out, "aws_s3_bucket.legacy") {
		t.Error("suppressed finding in the table")
	}
	if !strings.Contains(out, "· 2 suppressed") || !strings.Contains(out, "1 check undetermined: values known only after apply") {
		t.Errorf("summary line:\n%s", out)
	}
}

func TestMarkdownHostileCells(t *testing.T) {
	in := &report.Input{Findings: []policies.Finding{{
		RuleID: "r", Severity: policies.High, Address: "a.b[\"x|`y`\"]",
		Message: "<script>alert(1)</script> | **bold**\r\nnext",
		Range:   hcl.Range{Filename: "dir|x/f.tf", Start: hcl.Pos{Line: 1, Column: 1}},
	}}}
	out := render(t, report.Markdown, in)
	row := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| `r`") {
			row = line
		}
	}
	if row == "" {
		t.Fatalf("no row:\n%s", out)
	}
	if strings.Contains(row, "<script>") || strings.Contains(row, "**bold**") || strings.Contains(row, "\r") {
		t.Errorf("markup not escaped: %s", row)
	}
	if n := strings.Count(row, "|") - strings.Count(row, `\|`); n != 5 {
		t.Errorf("%d separators in %s", n, row)
	}
}

// Every writer must survive odd input without panicking or failing.
func TestOddInput(t *testing.T) {
	odd := &report.Input{
		Findings: []policies.Finding{
			{},
			{RuleID: "x", Severity: 99, Range: hcl.Range{Filename: "f.tf", Start: hcl.Pos{Line: -3, Column: -1}, End: hcl.Pos{Line: -9}}},
			{RuleID: "y", Message: "\x00\xff", Suppression: &policies.Suppression{}, ModuleCalls: nil, Undetermined: true},
		},
		Rules:  []*policies.Rule{nil, {}},
		Diags:  hcl.Diagnostics{nil, {Severity: hcl.DiagError, Subject: &hcl.Range{}}},
		Files:  map[string][]byte{"f.tf": nil},
		Strict: true,
	}
	for name, wr := range writers {
		if err := wr.write(io.Discard, odd); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
