package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// supFinding is the part of a JSON finding these tests read.
type supFinding struct {
	RuleID      string `json:"rule_id"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	Address     string `json:"address"`
	File        string `json:"file"`
	StartLine   int    `json:"start_line"`
	Suppressed  bool   `json:"suppressed"`
	Suppression *struct {
		Kind    string `json:"kind"`
		Source  string `json:"source"`
		Reason  string `json:"reason"`
		Expires string `json:"expires"`
	} `json:"suppression"`
}

type supDoc struct {
	Findings []supFinding     `json:"findings"`
	Errors   []map[string]any `json:"errors"`
}

// writeTree creates files (path → content) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fixedToday pins the suppression clock for one test.
func fixedToday(t *testing.T, day string) {
	t.Helper()
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	old := now
	now = func() time.Time { return d.Add(10 * time.Hour) }
	t.Cleanup(func() { now = old })
}

func runJSON(t *testing.T, args ...string) (int, supDoc, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"--format", "json"}, args...), &out, &errb, nil)
	var doc supDoc
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s\nstderr: %s", err, out.String(), errb.String())
	}
	return code, doc, errb.String()
}

func runText(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"--no-color"}, args...), &out, &errb, nil)
	return code, out.String() + errb.String()
}

func byAddress(doc supDoc) map[string]supFinding {
	m := map[string]supFinding{}
	for _, f := range doc.Findings {
		m[f.Address] = f
	}
	return m
}

func ofRule(doc supDoc, id string) []supFinding {
	var out []supFinding
	for _, f := range doc.Findings {
		if f.RuleID == id {
			out = append(out, f)
		}
	}
	return out
}

const dbUnencrypted = `resource "aws_db_instance" "%s" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
`

func db(name string) string { return strings.ReplaceAll(dbUnencrypted, "%s", name) }

func TestCLIInlineSuppression(t *testing.T) {
	fixedToday(t, "2026-06-15")
	dir := writeTree(t, map[string]string{
		"main.tf": "# tflint-hipaa:ignore:aws-rds-storage-encrypted legacy, ticket 12\n" + db("legacy") + "\n" +
			db("open") + "\n" +
			"# tflint-hipaa:ignore:aws-rds-storage-encrypted stale: nothing here any more\n" +
			"resource \"aws_kms_key\" \"k\" {}\n",
	})
	code, doc, errs := runJSON(t, "--only", "aws-rds-storage-encrypted", dir)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1 (one unsuppressed finding); stderr %s", code, errs)
	}
	m := byAddress(doc)
	legacy, open := m["aws_db_instance.legacy"], m["aws_db_instance.open"]
	if !legacy.Suppressed || legacy.Suppression == nil || legacy.Suppression.Source != "inline" ||
		legacy.Suppression.Kind != "inSource" || legacy.Suppression.Reason != "legacy, ticket 12" {
		t.Errorf("legacy finding = %+v (suppression %+v)", legacy, legacy.Suppression)
	}
	if open.Suppressed || open.RuleID == "" {
		t.Errorf("open finding = %+v", open)
	}
	// Only the suppressed one: exit 0.
	if code, _ := runText(t, "--only", "aws-rds-storage-encrypted", filepath.Join(dir, "main.tf"), "--fail-on", "critical"); code != exitFindings {
		t.Errorf("the unsuppressed finding must still fail: exit %d", code)
	}
	code, text := runText(t, "--only", "aws-rds-storage-encrypted", dir)
	if !strings.Contains(text, "unused suppression tflint-hipaa:ignore:aws-rds-storage-encrypted") || !strings.Contains(text, "main.tf:14:") {
		t.Errorf("text output should list the stale comment at main.tf:14 as unused (exit %d):\n%s", code, text)
	}
}

func TestCLIModuleForEachSuppression(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `// tflint-hipaa:ignore:aws-rds-storage-encrypted shared module, fixed upstream in v2
module "db" {
  for_each = toset(["a", "b"])
  source   = "./modules/db"
  name     = each.key
}
`,
		"modules/db/main.tf": `variable "name" {}
resource "aws_db_instance" "main" {
  identifier        = var.name
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
`,
	})
	code, doc, errs := runJSON(t, "--only", "aws-rds-storage-encrypted", dir)
	if code != exitOK {
		t.Errorf("exit %d, want 0; stderr %s; findings %+v", code, errs, doc.Findings)
	}
	if len(doc.Findings) != 2 {
		t.Fatalf("want both module instances reported (suppressed), got %+v", doc.Findings)
	}
	for _, f := range doc.Findings {
		if !f.Suppressed || f.Suppression.Reason != "shared module, fixed upstream in v2" {
			t.Errorf("%s not suppressed by the comment above the module block: %+v", f.Address, f.Suppression)
		}
	}
}

func TestCLIExpiredSuppression(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": strings.Replace(db("a"), "storage_encrypted = false",
			"storage_encrypted = false # tflint-hipaa:ignore:aws-rds-storage-encrypted:exp:2026-01-31 migration", 1),
	})
	fixedToday(t, "2026-01-31")
	if code, doc, _ := runJSON(t, "--only", "aws-rds-storage-encrypted", dir); code != exitOK || !doc.Findings[0].Suppressed ||
		doc.Findings[0].Suppression.Expires != "2026-01-31" {
		t.Errorf("on its last day the suppression applies: exit %d %+v", code, doc.Findings)
	}
	fixedToday(t, "2026-02-01")
	code, doc, _ := runJSON(t, "--only", "aws-rds-storage-encrypted", dir)
	if code != exitFindings || doc.Findings[0].Suppressed {
		t.Errorf("expired: exit %d, findings %+v; want exit 1, unsuppressed", code, doc.Findings)
	}
	if !strings.HasSuffix(doc.Findings[0].Message, "(suppression expired 2026-01-31)") {
		t.Errorf("message %q should say the suppression expired", doc.Findings[0].Message)
	}
}

func TestCLIUnknownRuleIDInComment(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": "# tflint-hipaa:ignore:aws-rds-storage-encryptd typo\n" + db("a"),
	})
	code, doc, _ := runJSON(t, "--only", "aws-rds-storage-encrypted", dir)
	if code != exitFindings {
		t.Errorf("exit %d, want 1: the typo suppresses nothing", code)
	}
	found := false
	for _, e := range doc.Errors {
		if e["severity"] == "warning" && strings.Contains(e["detail"].(string), "aws-rds-storage-encryptd") && e["start_line"] == float64(1) {
			found = true
		}
	}
	if !found {
		t.Errorf("want a warning at line 1 naming the unknown id; errors %v", doc.Errors)
	}
}

func TestCLIConfigGovernance(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": "# tflint-hipaa:ignore:aws-rds-storage-encrypted\n" + db("a"),
		"reason.hcl": `suppressions {
  require_reason = true
}
`,
		"strict.hcl": `rule "aws-rds-storage-encrypted" {
  ignorable = false
}
`,
	})
	code, doc, _ := runJSON(t, "--config", filepath.Join(dir, "reason.hcl"), "--only", "aws-rds-storage-encrypted", dir)
	if code != exitError {
		t.Errorf("require_reason with a bare ignore: exit %d, want 2", code)
	}
	located := false
	for _, e := range doc.Errors {
		if e["severity"] == "error" && strings.HasSuffix(e["file"].(string), "main.tf") && e["start_line"] == float64(1) {
			located = true
		}
	}
	if !located {
		t.Errorf("the error should point at main.tf:1; errors %v", doc.Errors)
	}

	code, doc, _ = runJSON(t, "--config", filepath.Join(dir, "strict.hcl"), "--only", "aws-rds-storage-encrypted", dir)
	if code != exitFindings || len(doc.Findings) != 1 || doc.Findings[0].Suppressed {
		t.Fatalf("ignorable = false: exit %d findings %+v; want exit 1, unsuppressed", code, doc.Findings)
	}
	if !strings.Contains(doc.Findings[0].Message, "is not ignorable") {
		t.Errorf("message %q should say the rule is not ignorable", doc.Findings[0].Message)
	}
}

func TestCLIConfigTypoNamesTheLine(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": db("a"),
		".tflint-hipaa.hcl": `profile = "whitepaper"

rule "aws-rds-storage-encrypted" {
  severty = "low"
}
`,
	})
	t.Chdir(dir)
	code, out := runText(t, ".")
	if code != exitError || !strings.Contains(out, ".tflint-hipaa.hcl:4:3:") || !strings.Contains(out, "severty") {
		t.Errorf("exit %d, output:\n%s\nwant exit 2 and .tflint-hipaa.hcl:4:3 naming severty", code, out)
	}
	if code, out := runText(t, "--config", "missing.hcl", "."); code != exitError || !strings.Contains(out, "missing.hcl") {
		t.Errorf("a missing --config: exit %d, output %s", code, out)
	}
}

func TestCLIConfigSettingsAndFlagsOverride(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": db("a"),
		"low.hcl": `rule "aws-rds-storage-encrypted" { severity = "low" }
fail_on = "medium"
`,
		"off.hcl": `rule "aws-rds-storage-encrypted" { enabled = false }`,
	})
	// Severity override: the finding is low, below fail_on medium.
	code, doc, _ := runJSON(t, "--config", filepath.Join(dir, "low.hcl"), "--only", "aws-rds-storage-encrypted", dir)
	if code != exitOK || len(doc.Findings) != 1 || doc.Findings[0].Severity != "low" {
		t.Errorf("severity override: exit %d findings %+v; want exit 0, one low finding", code, doc.Findings)
	}
	// --fail-on overrides the file's fail_on.
	if code, _, _ := runJSON(t, "--config", filepath.Join(dir, "low.hcl"), "--fail-on", "low", "--only", "aws-rds-storage-encrypted", dir); code != exitFindings {
		t.Errorf("--fail-on low over fail_on medium: exit %d, want 1", code)
	}
	// --min-severity hides, and what is hidden does not fail.
	if code, doc, _ := runJSON(t, "--config", filepath.Join(dir, "low.hcl"), "--fail-on", "low", "--min-severity", "medium", "--only", "aws-rds-storage-encrypted", dir); code != exitOK || len(doc.Findings) != 0 {
		t.Errorf("--min-severity medium: exit %d findings %+v; want 0 and none shown", code, doc.Findings)
	}
	// enabled = false in the file; --enable wins. Every other rule runs too,
	// so count this rule's findings only.
	if _, doc, _ := runJSON(t, "--config", filepath.Join(dir, "off.hcl"), dir); len(ofRule(doc, "aws-rds-storage-encrypted")) != 0 || len(doc.Findings) == 0 {
		t.Errorf("disabled by config: findings %+v; want the other rules' findings only", doc.Findings)
	}
	if _, doc, _ := runJSON(t, "--config", filepath.Join(dir, "off.hcl"), "--enable", "aws-rds-storage-encrypted", dir); len(ofRule(doc, "aws-rds-storage-encrypted")) != 1 {
		t.Errorf("--enable over enabled = false: findings %+v", doc.Findings)
	}
	if _, doc, _ := runJSON(t, "--config", filepath.Join(dir, "off.hcl"), "--only", "aws-rds-storage-encrypted", "--disable", "aws-rds-storage-encrypted", dir); len(doc.Findings) != 0 {
		t.Errorf("--disable over --only: findings %+v", doc.Findings)
	}
	// --soft-fail turns findings into exit 0.
	if code, _, _ := runJSON(t, "--soft-fail", "--only", "aws-rds-storage-encrypted", dir); code != exitOK {
		t.Errorf("--soft-fail: exit %d", code)
	}
}

func TestCLIRuleOptionFromConfig(t *testing.T) {
	if policies.ByID("aws-rds-backup-retention") == nil {
		t.Skip("aws-rds-backup-retention, the rule with an option, is not registered yet")
	}
	dir := writeTree(t, map[string]string{
		"main.tf": `resource "aws_db_instance" "a" {
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  storage_encrypted       = true
  backup_retention_period = 10
}
`,
		"strict.hcl": `rule "aws-rds-backup-retention" { min_days = 14 }`,
		"bad.hcl":    "rule \"aws-rds-backup-retention\" {\n  max_days = 14\n}\n",
	})
	if code, doc, _ := runJSON(t, "--only", "aws-rds-backup-retention", dir); code != exitOK || len(doc.Findings) != 0 {
		t.Fatalf("default min_days 7 with 10 days: exit %d findings %+v", code, doc.Findings)
	}
	code, doc, _ := runJSON(t, "--config", filepath.Join(dir, "strict.hcl"), "--only", "aws-rds-backup-retention", dir)
	if code != exitFindings || len(doc.Findings) != 1 {
		t.Errorf("min_days = 14 with 10 days: exit %d findings %+v; want one finding", code, doc.Findings)
	}
	if code, out := runText(t, "--config", filepath.Join(dir, "bad.hcl"), dir); code != exitError || !strings.Contains(out, "bad.hcl:2:3:") {
		t.Errorf("an option the rule lacks: exit %d\n%s", code, out)
	}
}

func TestCLIProfileSwitch(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`,
		"current.hcl": `profile = "current"`,
	})
	// The whole rule set runs, so the profile alone decides whether the
	// whitepaper-only tenancy rule is among them.
	tenancy := func(doc supDoc) int { return len(ofRule(doc, "aws-vpc-dedicated-tenancy")) }
	if _, doc, _ := runJSON(t, dir); tenancy(doc) != 1 {
		t.Errorf("whitepaper (default) profile: findings %+v; want the tenancy finding", doc.Findings)
	}
	if _, doc, _ := runJSON(t, "--profile", "current", dir); tenancy(doc) != 0 {
		t.Errorf("--profile current: findings %+v; want no tenancy finding", doc.Findings)
	}
	if _, doc, _ := runJSON(t, "--config", filepath.Join(dir, "current.hcl"), dir); tenancy(doc) != 0 {
		t.Errorf("profile = current in config: findings %+v", doc.Findings)
	}
	if _, doc, _ := runJSON(t, "--config", filepath.Join(dir, "current.hcl"), "--profile", "whitepaper", dir); tenancy(doc) != 1 {
		t.Errorf("--profile whitepaper over the config: findings %+v", doc.Findings)
	}
	if code, _ := runText(t, "--profile", "newest", dir); code != exitError {
		t.Errorf("unknown profile: exit %d", code)
	}
}

func TestCLIBaselineRoundTrip(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": db("a") + db("b")})
	base := filepath.Join(t.TempDir(), "baseline.json")

	code, doc, errs := runJSON(t, "--only", "aws-rds-storage-encrypted", "--write-baseline", base, dir)
	if code != exitFindings || len(doc.Findings) != 2 {
		t.Fatalf("writing run: exit %d findings %+v stderr %s", code, doc.Findings, errs)
	}
	if _, err := os.Stat(base); err != nil {
		t.Fatalf("baseline not written: %v", err)
	}

	// Same code, baseline applied: both suppressed (external, baseline), exit 0.
	code, doc, _ = runJSON(t, "--only", "aws-rds-storage-encrypted", "--baseline", base, dir)
	if code != exitOK || len(doc.Findings) != 2 {
		t.Fatalf("baselined run: exit %d findings %+v", code, doc.Findings)
	}
	for _, f := range doc.Findings {
		if !f.Suppressed || f.Suppression.Kind != "external" || f.Suppression.Source != "baseline" {
			t.Errorf("%s: suppression %+v", f.Address, f.Suppression)
		}
	}

	// Lines move, a new database appears and b is fixed: exit 1 for the new one only.
	fixedB := strings.Replace(db("b"), "storage_encrypted = false", "storage_encrypted = true", 1)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("\n\n"+db("c")+db("a")+fixedB), 0o644); err != nil {
		t.Fatal(err)
	}
	code, doc, _ = runJSON(t, "--only", "aws-rds-storage-encrypted", "--baseline", base, dir)
	if code != exitFindings {
		t.Errorf("new finding: exit %d, want 1", code)
	}
	var failing []string
	for _, f := range doc.Findings {
		if !f.Suppressed {
			failing = append(failing, f.Address)
		}
	}
	if strings.Join(failing, ",") != "aws_db_instance.c" {
		t.Errorf("failing findings %v, want only aws_db_instance.c", failing)
	}
	_, text := runText(t, "--only", "aws-rds-storage-encrypted", "--baseline", base, dir)
	if !strings.Contains(text, "fixed: baseline entry aws-rds-storage-encrypted aws_db_instance.b.storage_encrypted") {
		t.Errorf("text output should report b's entry as fixed:\n%s", text)
	}

	// A corrupt baseline is an error, not an empty baseline.
	if err := os.WriteFile(base, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _ := runText(t, "--only", "aws-rds-storage-encrypted", "--baseline", base, dir); code != exitError {
		t.Errorf("corrupt baseline: exit %d, want 2", code)
	}
}

// A plan whose .tf sources sit beside it honours the same comments.
func TestCLIPlanModeSuppression(t *testing.T) {
	const mainTF = `# tflint-hipaa:ignore:aws-rds-storage-encrypted reporting replica, no PHI
resource "aws_db_instance" "reporting" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}

resource "aws_db_instance" "primary" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
`
	res := func(name string) string {
		return `{"address":"aws_db_instance.` + name + `","mode":"managed","type":"aws_db_instance","name":"` + name +
			`","provider_name":"registry.terraform.io/hashicorp/aws","schema_version":2,"values":{"engine":"postgres","instance_class":"db.t3.micro","storage_encrypted":false},"sensitive_values":{}}`
	}
	cfgRes := func(name string) string {
		return `{"address":"aws_db_instance.` + name + `","mode":"managed","type":"aws_db_instance","name":"` + name +
			`","provider_config_key":"aws","expressions":{"engine":{"constant_value":"postgres"},"instance_class":{"constant_value":"db.t3.micro"},"storage_encrypted":{"constant_value":false}},"schema_version":2}`
	}
	plan := `{"format_version":"1.2","terraform_version":"1.9.8",` +
		`"planned_values":{"root_module":{"resources":[` + res("primary") + `,` + res("reporting") + `]}},` +
		`"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws"}},` +
		`"root_module":{"resources":[` + cfgRes("primary") + `,` + cfgRes("reporting") + `]}}}`
	dir := writeTree(t, map[string]string{"main.tf": mainTF, "plan.json": plan})

	code, doc, errs := runJSON(t, "--only", "aws-rds-storage-encrypted", filepath.Join(dir, "plan.json"))
	if code != exitFindings || len(doc.Findings) != 2 {
		t.Fatalf("exit %d findings %+v stderr %s errors %v; want exit 1 and two findings", code, doc.Findings, errs, doc.Errors)
	}
	m := byAddress(doc)
	if r := m["aws_db_instance.reporting"]; !r.Suppressed || r.Suppression.Reason != "reporting replica, no PHI" || !strings.HasSuffix(r.File, "main.tf") {
		t.Errorf("reporting (plan) = %+v, suppression %+v; want suppressed by the comment in main.tf", r, r.Suppression)
	}
	if p := m["aws_db_instance.primary"]; p.Suppressed {
		t.Errorf("primary should not be suppressed")
	}
}

// An undetermined check never fails the run, even under --strict with --fail-on low.
func TestCLIUndeterminedNeverFails(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `variable "encrypted" { type = bool }
resource "aws_db_instance" "a" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = var.encrypted
}
`,
	})
	code, doc, _ := runJSON(t, "--strict", "--fail-on", "low", "--only", "aws-rds-storage-encrypted", dir)
	if code != exitOK || len(doc.Findings) != 1 || !strings.HasPrefix(doc.Findings[0].Message, "cannot verify: ") {
		t.Errorf("exit %d findings %+v; want exit 0 and one cannot-verify finding", code, doc.Findings)
	}
}

func TestCLIConfigExclude(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf":           db("a"),
		"examples/main.tf":  db("example"),
		".tflint-hipaa.hcl": `exclude = ["examples/**"]`,
	})
	t.Chdir(dir)
	_, doc, _ := runJSON(t, "--only", "aws-rds-storage-encrypted", ".")
	if len(doc.Findings) != 1 || doc.Findings[0].Address != "aws_db_instance.a" {
		t.Errorf("findings %+v; want only main.tf's, examples/ excluded by the config", doc.Findings)
	}
}
