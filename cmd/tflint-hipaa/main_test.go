package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type jsonFinding struct {
	RuleID    string `json:"rule_id"`
	Address   string `json:"address"`
	File      string `json:"file"`
	StartLine int    `json:"start_line"`
}

type jsonDoc struct {
	Version  int              `json:"version"`
	Findings []jsonFinding    `json:"findings"`
	Errors   []map[string]any `json:"errors"`
	Summary  map[string]any   `json:"summary"`
}

// cli runs the command in-process and returns exit code, stdout, stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, nil)
	return code, out.String(), errb.String()
}

func cliJSON(t *testing.T, args ...string) (int, jsonDoc, string) {
	t.Helper()
	code, out, errs := cli(t, append([]string{"--format", "json"}, args...)...)
	var doc jsonDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s\nstderr: %s", err, out, errs)
	}
	return code, doc, errs
}

func TestModuleCalledTwiceReportsOnlyTheUnencryptedCall(t *testing.T) {
	code, doc, errs := cliJSON(t, "--only", "aws-rds-storage-encrypted", "../../testdata/cli/twice")
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr: %s", code, errs)
	}
	if len(doc.Findings) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(doc.Findings), doc.Findings)
	}
	f := doc.Findings[0]
	if f.Address != "module.billing.aws_db_instance.main" {
		t.Errorf("address %q, want module.billing.aws_db_instance.main", f.Address)
	}
	if !strings.HasSuffix(f.File, "testdata/cli/twice/modules/db/main.tf") || f.StartLine != 8 {
		t.Errorf("location %s:%d, want the module's storage_encrypted line 8", f.File, f.StartLine)
	}
}

func TestCountGivesOneFindingPerInstanceOnOneLine(t *testing.T) {
	_, doc, _ := cliJSON(t, "--only", "aws-rds-storage-encrypted", "../../testdata/cli/count")
	var addrs []string
	for _, f := range doc.Findings {
		addrs = append(addrs, f.Address)
		if f.StartLine != 5 {
			t.Errorf("%s at line %d, want 5", f.Address, f.StartLine)
		}
	}
	want := "aws_db_instance.shard[0] aws_db_instance.shard[1] aws_db_instance.shard[2]"
	if got := strings.Join(addrs, " "); got != want {
		t.Errorf("addresses %q, want %q", got, want)
	}
}

func TestUnknownValueIsCountedNotReported(t *testing.T) {
	code, doc, _ := cliJSON(t, "--only", "aws-rds-storage-encrypted", "../../testdata/cli/unknown")
	if code != exitOK || len(doc.Findings) != 0 {
		t.Fatalf("exit %d with %d findings; want 0 and none", code, len(doc.Findings))
	}
	code, text, _ := cli(t, "--no-color", "--only", "aws-rds-storage-encrypted", "../../testdata/cli/unknown")
	if code != exitOK || !strings.Contains(text, "1 check undetermined") {
		t.Errorf("text summary should count the undetermined check; exit %d:\n%s", code, text)
	}
	code, doc, _ = cliJSON(t, "--strict", "--only", "aws-rds-storage-encrypted", "../../testdata/cli/unknown")
	if code != exitOK || len(doc.Findings) != 1 {
		t.Errorf("--strict: exit %d with %d findings; want exit 0 and the cannot-verify note", code, len(doc.Findings))
	}
}

func TestParseErrorStillReportsTheValidFile(t *testing.T) {
	code, out, errs := cli(t, "--no-color", "--only", "aws-rds-storage-encrypted", "../../testdata/cli/broken")
	if code != exitError {
		t.Errorf("exit %d, want 2", code)
	}
	all := out + errs
	if !strings.Contains(all, "broken.tf:") {
		t.Errorf("the error should name broken.tf with a line:\n%s", all)
	}
	if !strings.Contains(all, "aws_db_instance.main") {
		t.Errorf("the valid file's finding is missing:\n%s", all)
	}
}

func TestExitCodesAndBadInput(t *testing.T) {
	if code, out, _ := cli(t, "--no-color", "does/not/exist"); code != exitError || !strings.Contains(out, "does/not/exist") {
		t.Errorf("missing path: exit %d, output %q; want 2 and a reason naming the path", code, out)
	}
	if code, _, errs := cli(t, "--format", "sarif", "does/not/exist"); code != exitError || !strings.Contains(errs, "does/not/exist") {
		t.Errorf("missing path with SARIF on stdout: exit %d, stderr %q; want 2 and the reason on stderr", code, errs)
	}
	if code, _, _ := cli(t, "--format", "nope", "."); code != exitError {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "--only", "aws-no-such-rule", "."); code != exitError {
		t.Errorf("unknown rule: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "--format", "json", "--format", "text", "."); code != exitError {
		t.Errorf("two formats on stdout: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "--soft-fail", "../../testdata/cli/count"); code != exitOK {
		t.Errorf("--soft-fail: exit %d, want 0", code)
	}
	if code, _, _ := cli(t, "--fail-on", "critical", "../../testdata/cli/count"); code != exitFindings {
		t.Errorf("--fail-on critical with a critical finding: exit %d, want 1", code)
	}
}

func TestEmptyDirectoryWarnsAndWritesEmptyDocument(t *testing.T) {
	dir := t.TempDir()
	code, doc, errs := cliJSON(t, dir)
	if code != exitOK || len(doc.Findings) != 0 || doc.Version != 1 {
		t.Errorf("exit %d, %d findings, version %d; want 0, none, 1", code, len(doc.Findings), doc.Version)
	}
	if !strings.Contains(errs, "warning") {
		t.Errorf("stderr should warn about no Terraform files: %q", errs)
	}
}

func TestSeveralFormatsInOneRun(t *testing.T) {
	dir := t.TempDir()
	sarifFile := filepath.Join(dir, "out.sarif")
	jsonFile := filepath.Join(dir, "out.json")
	code, out, errs := cli(t, "--no-color", "--format", "text", "--format", "sarif="+sarifFile, "--format", "json="+jsonFile, "../../testdata/cli/count")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr %s", code, errs)
	}
	if !strings.Contains(out, "aws-rds-storage-encrypted") {
		t.Errorf("text on stdout lacks the finding:\n%s", out)
	}
	for _, f := range []string{sarifFile, jsonFile} {
		data, err := os.ReadFile(f)
		if err != nil || !json.Valid(data) || !bytes.Contains(data, []byte("aws_db_instance.shard[2]")) {
			t.Errorf("%s: not written or lacks the finding (%v)", f, err)
		}
	}
}

func TestListRulesAndVersion(t *testing.T) {
	_, out, _ := cli(t, "--list-rules")
	if !strings.Contains(out, "aws-rds-storage-encrypted") || !strings.Contains(out, "164.312(a)(2)(iv)") {
		t.Errorf("--list-rules:\n%s", out)
	}
	_, out, _ = cli(t, "--list-rules", "--format", "json")
	var rules []map[string]any
	if err := json.Unmarshal([]byte(out), &rules); err != nil || len(rules) == 0 {
		t.Errorf("--list-rules --format json: %v\n%s", err, out)
	}
	_, out, _ = cli(t, "--version")
	if !strings.HasPrefix(out, "tflint-hipaa ") {
		t.Errorf("--version: %q", out)
	}
	code, out, _ := cli(t, "--explain", "aws-rds-storage-encrypted")
	if code != exitOK || !strings.Contains(out, "storage_encrypted = true") {
		t.Errorf("--explain: exit %d\n%s", code, out)
	}
}

// A plan whose sources sit elsewhere: without --chdir findings point at the
// plan's address line; with it, at the .tf attribute.
func TestPlanWithChdir(t *testing.T) {
	fixture := "../../pkg/policies/testdata/aws-rds-storage-encrypted/fail"
	dir := t.TempDir()
	for _, name := range []string{"plan.json", "main.tf"} {
		data, err := os.ReadFile(filepath.Join(fixture, name))
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dir, name)
		if name == "main.tf" {
			target = filepath.Join(dir, "src", name)
			os.MkdirAll(filepath.Dir(target), 0o755)
		}
		os.WriteFile(target, data, 0o644)
	}
	plan := filepath.Join(dir, "plan.json")
	_, doc, _ := cliJSON(t, "--only", "aws-rds-storage-encrypted", plan)
	if len(doc.Findings) == 0 || !strings.HasSuffix(doc.Findings[0].File, "plan.json") {
		t.Fatalf("without sources findings point at the plan: %+v", doc.Findings)
	}
	_, doc, _ = cliJSON(t, "--only", "aws-rds-storage-encrypted", "--chdir", filepath.Join(dir, "src"), plan)
	if len(doc.Findings) == 0 || !strings.HasSuffix(doc.Findings[0].File, "src/main.tf") || doc.Findings[0].StartLine != 4 {
		t.Fatalf("with --chdir findings point at main.tf:4: %+v", doc.Findings)
	}
}

// --quiet leaves findings and errors only: no summary, no undetermined count.
func TestQuiet(t *testing.T) {
	code, out, _ := cli(t, "--no-color", "--quiet", "--only", "aws-rds-storage-encrypted", "../../testdata/cli/unknown")
	if code != exitOK || out != "" {
		t.Errorf("--quiet on a clean run: exit %d, output %q; want nothing", code, out)
	}
	code, out, _ = cli(t, "--no-color", "--quiet", "--only", "aws-rds-storage-encrypted", "../../testdata/cli/count")
	if code != exitFindings || !strings.Contains(out, "aws_db_instance.shard[2]") || strings.Contains(out, "findings (") {
		t.Errorf("--quiet with findings: exit %d, want the findings without the summary:\n%s", code, out)
	}
	_, out, _ = cli(t, "--no-color", "--quiet", "../../testdata/cli/broken")
	if !strings.Contains(out, "broken.tf:") {
		t.Errorf("--quiet still shows errors:\n%s", out)
	}
}
