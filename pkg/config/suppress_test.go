package config

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

var testToday = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

// posOf returns the position of the first occurrence of substr in src (after
// the first occurrence of after, when given), as the parser would report it.
func posOf(t *testing.T, src, substr string, after ...string) hcl.Pos {
	t.Helper()
	base := 0
	for _, a := range after {
		i := strings.Index(src[base:], a)
		if i < 0 {
			t.Fatalf("%q not in source", a)
		}
		base += i + len(a)
	}
	i := strings.Index(src[base:], substr)
	if i < 0 {
		t.Fatalf("%q not in source", substr)
	}
	off := base + i
	line := 1 + strings.Count(src[:off], "\n")
	col := off - strings.LastIndex(src[:off], "\n")
	return hcl.Pos{Line: line, Column: col, Byte: off}
}

func rangeOf(t *testing.T, file, src, substr string, after ...string) hcl.Range {
	t.Helper()
	start := posOf(t, src, substr, after...)
	end := start
	end.Column += len(substr)
	end.Byte += len(substr)
	return hcl.Range{Filename: file, Start: start, End: end}
}

// finding builds what a rule would report: at the attribute (or the header,
// for a missing attribute) of the resource whose header is header.
func finding(t *testing.T, rule, file, src, header, attr string) policies.Finding {
	t.Helper()
	hdr := rangeOf(t, file, src, header)
	rng := hdr
	path := ""
	if attr != "" {
		rng = rangeOf(t, file, src, attr, header)
		path = strings.Fields(attr)[0]
	}
	return policies.Finding{
		RuleID:        rule,
		Severity:      policies.High,
		Message:       "aws_x.y: wrong",
		Address:       header,
		Path:          path,
		Range:         rng,
		ResourceRange: hdr,
		BlockRange:    hdr,
	}
}

func opts() InlineOptions {
	known := map[string]bool{"rule-a": true, "rule-b": true, "rule-c": true}
	return InlineOptions{
		Today:  testToday,
		Known:  func(id string) bool { return known[id] },
		Active: func(id string) bool { return known[id] },
	}
}

func TestPlacementAndStyles(t *testing.T) {
	const src = `# tflint-hipaa:ignore:rule-a legacy database, ticket 7
resource "aws_db_instance" "above_hash" {
  storage_encrypted = false
}

resource "aws_db_instance" "trailing" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-a trailing hash
  publicly_accessible = true
}

resource "aws_db_instance" "above_attr" {
  // tflint-hipaa:ignore:rule-a above with slashes
  storage_encrypted = false
  publicly_accessible = true
}

/* tflint-hipaa:ignore:rule-a
   block comment over two lines */
resource "aws_db_instance" "block_comment" {
  storage_encrypted = false
}

resource "aws_db_instance" "leading" {
  /* tflint-hipaa:ignore:rule-a leading */ storage_encrypted = false
}

resource "aws_db_instance" "trailing_slashes" {
  storage_encrypted = false // tflint-hipaa:ignore:rule-a
}

resource "aws_db_instance" "not_suppressed" {
  tags = { note = "# tflint-hipaa:ignore:rule-a inside a string" }
  storage_encrypted = false
}
`
	const file = "main.tf"
	fs := []policies.Finding{
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "above_hash"`, "storage_encrypted"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "above_hash"`, ""), // missing attribute: header
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "trailing"`, "storage_encrypted"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "trailing"`, "publicly_accessible"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "above_attr"`, "storage_encrypted"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "above_attr"`, "publicly_accessible"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "block_comment"`, "storage_encrypted"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "leading"`, "storage_encrypted"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "trailing_slashes"`, "storage_encrypted"),
		finding(t, "rule-a", file, src, `resource "aws_db_instance" "not_suppressed"`, "storage_encrypted"),
		finding(t, "rule-b", file, src, `resource "aws_db_instance" "above_hash"`, "storage_encrypted"), // other rule
	}
	res := ApplyInline(fs, map[string][]byte{file: []byte(src)}, opts())
	if len(res.Diags) != 0 {
		t.Fatalf("diags: %v", res.Diags)
	}
	want := []struct {
		suppressed bool
		reason     string
	}{
		{true, "legacy database, ticket 7"},
		{true, "legacy database, ticket 7"},
		{true, "trailing hash"},
		{false, ""},
		{true, "above with slashes"},
		{false, ""},
		{true, "block comment over two lines"},
		{true, "leading"},
		{true, ""},
		{false, ""},
		{false, ""},
	}
	for i, w := range want {
		f := fs[i]
		if f.Suppressed() != w.suppressed {
			t.Errorf("finding %d (%s %s): suppressed = %v, want %v", i, f.Address, f.Path, f.Suppressed(), w.suppressed)
			continue
		}
		if !w.suppressed {
			continue
		}
		s := f.Suppression
		if s.Kind != "inSource" || s.Source != "inline" || s.Reason != w.reason {
			t.Errorf("finding %d: suppression = %+v, want inSource/inline with reason %q", i, s, w.reason)
		}
		if s.Range.Filename != file || s.Range.Start.Line == 0 {
			t.Errorf("finding %d: suppression range %v does not point at the comment", i, s.Range)
		}
	}
	if len(res.Notes) != 0 {
		t.Errorf("notes = %q, want none (every directive matched)", res.Notes)
	}
}

func TestSeveralIDsAndStackedComments(t *testing.T) {
	const src = `# tflint-hipaa:ignore:rule-a, rule-b shared reason
# tflint-hipaa:ignore:rule-c:exp:2030-01-01 until the migration
resource "aws_s3_bucket" "b" {
  bucket = "x"
}
`
	hdr := `resource "aws_s3_bucket" "b"`
	fs := []policies.Finding{
		finding(t, "rule-a", "s3.tf", src, hdr, "bucket"),
		finding(t, "rule-b", "s3.tf", src, hdr, ""),
		finding(t, "rule-c", "s3.tf", src, hdr, "bucket"),
	}
	res := ApplyInline(fs, map[string][]byte{"s3.tf": []byte(src)}, opts())
	for i, f := range fs {
		if !f.Suppressed() {
			t.Fatalf("finding %d (%s) not suppressed; diags %v notes %v", i, f.RuleID, res.Diags, res.Notes)
		}
	}
	if got := fs[0].Suppression.Reason; got != "shared reason" {
		t.Errorf("reason = %q", got)
	}
	if got := fs[2].Suppression; got.Expires != "2030-01-01" || got.Reason != "until the migration" {
		t.Errorf("rule-c suppression = %+v", got)
	}
}

func TestExpiry(t *testing.T) {
	const src = `resource "aws_db_instance" "a" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-a:exp:2026-01-31 expired
}
resource "aws_db_instance" "b" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-a:exp:2026-06-15 last day
}
resource "aws_db_instance" "c" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-a:exp:2027-03-31 future
}
`
	fs := []policies.Finding{
		finding(t, "rule-a", "db.tf", src, `resource "aws_db_instance" "a"`, "storage_encrypted"),
		finding(t, "rule-a", "db.tf", src, `resource "aws_db_instance" "b"`, "storage_encrypted"),
		finding(t, "rule-a", "db.tf", src, `resource "aws_db_instance" "c"`, "storage_encrypted"),
	}
	res := ApplyInline(fs, map[string][]byte{"db.tf": []byte(src)}, opts())
	if fs[0].Suppressed() {
		t.Errorf("expired suppression still applies")
	}
	if !strings.HasSuffix(fs[0].Message, " (suppression expired 2026-01-31)") {
		t.Errorf("expired finding message = %q", fs[0].Message)
	}
	if !fs[1].Suppressed() {
		t.Errorf("a suppression expiring today must still apply")
	}
	if !fs[2].Suppressed() || fs[2].Suppression.Expires != "2027-03-31" {
		t.Errorf("future suppression: %+v", fs[2].Suppression)
	}
	if len(res.Notes) != 0 {
		t.Errorf("an expired suppression that matched is not unused: %q", res.Notes)
	}
	// A year later the future one has expired too.
	later := opts()
	later.Today = time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC)
	f := finding(t, "rule-a", "db.tf", src, `resource "aws_db_instance" "c"`, "storage_encrypted")
	fs2 := []policies.Finding{f}
	ApplyInline(fs2, map[string][]byte{"db.tf": []byte(src)}, later)
	if fs2[0].Suppressed() || !strings.Contains(fs2[0].Message, "suppression expired 2027-03-31") {
		t.Errorf("after its date: %+v %q", fs2[0].Suppression, fs2[0].Message)
	}
}

func TestModuleBlockWithForEach(t *testing.T) {
	const root = `# tflint-hipaa:ignore:rule-a shared legacy module
module "db" {
  for_each = toset(["a", "b"])
  source   = "./modules/db"
}

module "other" {
  source = "./modules/db"
}
`
	const child = `resource "aws_db_instance" "main" {
  storage_encrypted = false
}
`
	files := map[string][]byte{"main.tf": []byte(root), "modules/db/main.tf": []byte(child)}
	call := func(name, addr string) graph.ModuleCall {
		hdr := rangeOf(t, "main.tf", root, `module "`+name+`"`)
		return graph.ModuleCall{Name: name, Address: addr, DeclRange: hdr, BlockRange: hdr}
	}
	mk := func(c graph.ModuleCall) policies.Finding {
		f := finding(t, "rule-a", "modules/db/main.tf", child, `resource "aws_db_instance" "main"`, "storage_encrypted")
		f.Address = c.Address + ".aws_db_instance.main"
		f.Module = c.Address
		f.ModuleCalls = []graph.ModuleCall{c}
		return f
	}
	fs := []policies.Finding{
		mk(call("db", `module.db["a"]`)),
		mk(call("db", `module.db["b"]`)),
		mk(call("other", `module.other`)),
	}
	res := ApplyInline(fs, files, opts())
	for i := 0; i < 2; i++ {
		if !fs[i].Suppressed() || fs[i].Suppression.Reason != "shared legacy module" {
			t.Errorf("%s: not suppressed by the comment above its module block: %+v", fs[i].Address, fs[i].Suppression)
		}
	}
	if fs[2].Suppressed() {
		t.Errorf("module.other is not under the comment but was suppressed")
	}
	if len(res.Notes) != 0 || len(res.Diags) != 0 {
		t.Errorf("notes %q diags %v", res.Notes, res.Diags)
	}
}

func TestUnknownIDsUnusedAndMisplaced(t *testing.T) {
	const src = `# tflint-hipaa:ignore:rule-zz typo of the id
resource "aws_db_instance" "a" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-b nothing to match
}

# tflint-hipaa:ignore:rule-a a blank line separates me from the block

resource "aws_db_instance" "b" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-c rule-c did not run
}
`
	o := opts()
	o.Active = func(id string) bool { return id != "rule-c" }
	fs := []policies.Finding{
		finding(t, "rule-a", "x.tf", src, `resource "aws_db_instance" "a"`, "storage_encrypted"),
		finding(t, "rule-a", "x.tf", src, `resource "aws_db_instance" "b"`, "storage_encrypted"),
	}
	res := ApplyInline(fs, map[string][]byte{"x.tf": []byte(src)}, o)
	if fs[0].Suppressed() || fs[1].Suppressed() {
		t.Errorf("nothing should be suppressed: %+v %+v", fs[0].Suppression, fs[1].Suppression)
	}
	if len(res.Diags) != 1 || res.Diags[0].Severity != hcl.DiagWarning ||
		!strings.Contains(res.Diags[0].Detail, `"rule-zz"`) || res.Diags[0].Subject.Start.Line != 1 {
		t.Fatalf("want one warning naming rule-zz at line 1, got %v", res.Diags)
	}
	want := []string{
		"x.tf:3: unused suppression tflint-hipaa:ignore:rule-b: it matched no finding",
		"x.tf:6: unused suppression tflint-hipaa:ignore:rule-a: it is not directly above or at the end of an attribute, block or module call",
	}
	if strings.Join(res.Notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(res.Notes, "\n"), strings.Join(want, "\n"))
	}
}

func TestRequireReason(t *testing.T) {
	const src = `resource "aws_db_instance" "a" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-a
}
resource "aws_db_instance" "b" {
  storage_encrypted = false # tflint-hipaa:ignore:rule-a because ticket 9
}
`
	o := opts()
	o.RequireReason = true
	fs := []policies.Finding{
		finding(t, "rule-a", "x.tf", src, `resource "aws_db_instance" "a"`, "storage_encrypted"),
		finding(t, "rule-a", "x.tf", src, `resource "aws_db_instance" "b"`, "storage_encrypted"),
	}
	res := ApplyInline(fs, map[string][]byte{"x.tf": []byte(src)}, o)
	if !res.Diags.HasErrors() || len(res.Diags) != 1 {
		t.Fatalf("want one error, got %v", res.Diags)
	}
	if d := res.Diags[0]; d.Subject == nil || d.Subject.Filename != "x.tf" || d.Subject.Start.Line != 2 {
		t.Errorf("error not located at x.tf:2: %v", d)
	}
	if fs[0].Suppressed() {
		t.Errorf("a suppression without a reason applied under require_reason")
	}
	if !fs[1].Suppressed() {
		t.Errorf("a suppression with a reason did not apply")
	}
	// Without require_reason the same comment applies.
	fs2 := []policies.Finding{finding(t, "rule-a", "x.tf", src, `resource "aws_db_instance" "a"`, "storage_encrypted")}
	if res := ApplyInline(fs2, map[string][]byte{"x.tf": []byte(src)}, opts()); res.Diags.HasErrors() || !fs2[0].Suppressed() {
		t.Errorf("without require_reason: diags %v suppressed %v", res.Diags, fs2[0].Suppressed())
	}
}

func TestNotIgnorable(t *testing.T) {
	const src = `# tflint-hipaa:ignore:rule-a,rule-b we accept this
resource "aws_db_instance" "a" {
  storage_encrypted = false
}
`
	o := opts()
	o.Ignorable = func(id string) bool { return id != "rule-a" }
	fs := []policies.Finding{
		finding(t, "rule-a", "x.tf", src, `resource "aws_db_instance" "a"`, "storage_encrypted"),
		finding(t, "rule-b", "x.tf", src, `resource "aws_db_instance" "a"`, "storage_encrypted"),
	}
	res := ApplyInline(fs, map[string][]byte{"x.tf": []byte(src)}, o)
	if fs[0].Suppressed() {
		t.Errorf("a rule with ignorable = false was silenced")
	}
	if !strings.Contains(fs[0].Message, "rule rule-a is not ignorable: the suppression at x.tf:1 has no effect") {
		t.Errorf("message = %q", fs[0].Message)
	}
	if !fs[1].Suppressed() {
		t.Errorf("the ignorable rule on the same comment was not silenced")
	}
	if len(res.Notes) != 0 {
		t.Errorf("the directive did match; notes %q", res.Notes)
	}
}

func TestParseDirectiveForms(t *testing.T) {
	cases := []struct {
		src     string
		ids     string
		exp     string
		reason  string
		warning string
	}{
		{src: "# tflint-hipaa:ignore:a\nx = 1\n", ids: "a"},
		{src: "# tflint-hipaa:ignore:a,b:exp:2027-03-31 ticket 42\nx = 1\n", ids: "a,b", exp: "2027-03-31", reason: "ticket 42"},
		{src: "# tflint-hipaa:ignore:a - accepted risk\nx = 1\n", ids: "a", reason: "accepted risk"},
		{src: "/* tflint-hipaa:ignore:a why */\nx = 1\n", ids: "a", reason: "why"},
		{src: "/*tflint-hipaa:ignore:a*/\nx = 1\n", ids: "a"},
		{src: "# TODO(team): tflint-hipaa:ignore:a reason\nx = 1\n", ids: "a", reason: "reason"},
		{src: "# tflint-hipaa:ignore reason\nx = 1\n", warning: "names no rule id"},
		{src: "# tflint-hipaa:ignore:\nx = 1\n", warning: "names no rule id"},
		{src: "# tflint-hipaa:ignore:a:exp:2027-13-01 x\nx = 1\n", warning: `"2027-13-01"`},
		{src: "# tflint-hipaa:ignore:a:exp:tomorrow\nx = 1\n", warning: "expiry date"},
		{src: "# tflint-hipaa:ignore:a.b\nx = 1\n", warning: `unexpected ".b"`},
	}
	for _, c := range cases {
		ds, diags := ParseSuppressions("f.tf", []byte(c.src))
		if c.warning != "" {
			if len(ds) != 0 || len(diags) != 1 || diags[0].Severity != hcl.DiagWarning || !strings.Contains(diags[0].Detail, c.warning) {
				t.Errorf("%q: want a warning containing %q and no directive, got %v / %v", c.src, c.warning, ds, diags)
			}
			continue
		}
		if len(diags) != 0 || len(ds) != 1 {
			t.Errorf("%q: got %d directives, diags %v", c.src, len(ds), diags)
			continue
		}
		d := ds[0]
		if strings.Join(d.RuleIDs, ",") != c.ids || d.Expires != c.exp || d.Reason != c.reason {
			t.Errorf("%q: got ids %v exp %q reason %q", c.src, d.RuleIDs, d.Expires, d.Reason)
		}
		if d.Target.Start.Line != 2 {
			t.Errorf("%q: target %v, want line 2", c.src, d.Target)
		}
	}
}

func TestHeredocIsNotAComment(t *testing.T) {
	const src = "policy = <<EOT\n# tflint-hipaa:ignore:a\nEOT\nx = 1\n"
	ds, diags := ParseSuppressions("f.tf", []byte(src))
	if len(ds) != 0 || len(diags) != 0 {
		t.Errorf("text inside a heredoc was read as a directive: %v %v", ds, diags)
	}
}

func TestUnusedInDownloadedModulesNotListed(t *testing.T) {
	src := []byte("# tflint-hipaa:ignore:rule-a upstream's own comment\nresource \"aws_db_instance\" \"a\" {}\n")
	files := map[string][]byte{
		".terraform/modules/db/main.tf":       src,
		"stack/.terraform/modules/db/main.tf": src,
		"modules/db/main.tf":                  src,
	}
	res := ApplyInline(nil, files, opts())
	if len(res.Notes) != 1 || !strings.HasPrefix(res.Notes[0], "modules/db/main.tf:1:") {
		t.Errorf("notes = %q, want only the local module's comment", res.Notes)
	}
}

// A file nested too deep for the HCL parser's recursion is not parsed: its
// comments cover nothing, and nothing crashes.
func TestDeeplyNestedFileIsNotParsed(t *testing.T) {
	src := "# tflint-hipaa:ignore:rule-a why\nx = " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"
	ds, _ := ParseSuppressions("deep.tf", []byte(src))
	if len(ds) != 1 || ds[0].Target.Filename != "" {
		t.Errorf("directives %+v; want one with no target", ds)
	}
}
