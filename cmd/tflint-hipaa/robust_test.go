package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// The bad-input tests run the whole command on a directory holding one bad
// thing next to a valid module, and check what users and scripts see: the
// exit code, a one-line reason with a place on stderr, findings of the
// valid module still reported, and never a stack trace.

// unencryptedDB is the valid module every case keeps beside the bad input;
// its finding proves the rest of the input was still checked.
const unencryptedDB = `resource "aws_db_instance" "main" {
  engine            = "mysql"
  storage_encrypted = false
}
`

// internalError matches the messages of the recovered panics (command,
// loader, evaluator, rules), not user text that happens to say so.
var internalError = regexp.MustCompile(`internal error (in rule|while loading|while evaluating)|tflint-hipaa: internal error:`)

// stackTrace matches what a Go stack trace prints.
var stackTrace = regexp.MustCompile(`goroutine \d+|runtime/debug|\.go:\d+ \+0x|panic\(`)

func writeFilesIn(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// badRun runs the command with JSON on stdout, within a time limit: a hang
// on bad input is a failure, not a stuck test run.
func badRun(t *testing.T, args ...string) (int, jsonDoc, string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(append([]string{"--format", "json"}, args...), &out, &errb, nil)
		done <- result{code, out.String(), errb.String()}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatalf("tflint-hipaa %v did not finish within 2 minutes", args)
	}
	for _, s := range []string{r.out, r.err} {
		if stackTrace.MatchString(s) {
			t.Errorf("output holds a stack trace:\n%s", s)
		}
	}
	var doc jsonDoc
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatalf("stdout is not the JSON document: %v\n%s\nstderr: %s", err, r.out, r.err)
	}
	return r.code, doc, r.err
}

func hasFinding(doc jsonDoc, rule, fileSuffix string) bool {
	for _, f := range doc.Findings {
		if f.RuleID == rule && strings.HasSuffix(f.File, fileSuffix) {
			return true
		}
	}
	return false
}

// errorLine is the stderr line about file, which must carry file:line:col.
func errorLine(t *testing.T, stderr, file string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^tflint-hipaa: error: (\S*` + regexp.QuoteMeta(file) + `):(\d+):(\d+): .+$`)
	m := re.FindString(stderr)
	if m == "" {
		t.Errorf("stderr has no `error: ...%s:LINE:COL: reason` line:\n%s", file, stderr)
	}
	return m
}

func TestBadInputInOneFileStillChecksTheOthers(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, dir string)
		// errFile is the file the error must name; want the place too when line > 0.
		errFile string
		line    int
	}{
		{name: "syntax error", files: map[string]string{
			"broken.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  tags = {\n    a = \n",
		}, errFile: "broken.tf"},
		{name: "unclosed string on line 3", files: map[string]string{
			"broken.tf": "locals {\n  a = 1\n  b = \"never closed\n}\n",
		}, errFile: "broken.tf", line: 3},
		{name: "binary file named .tf", files: map[string]string{
			"blob.tf": "\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe\x00\x00" + strings.Repeat("\x00\x9c", 512),
		}, errFile: "blob.tf"},
		{name: "invalid UTF-8", files: map[string]string{
			"latin1.tf": "locals {\n  name = \"caf\xe9\"\n}\n",
		}, errFile: "latin1.tf"},
		{name: "20,000-deep nested expression", files: map[string]string{
			"deep.tf": "locals {\n  x = " + strings.Repeat("(", 20000) + "1" + strings.Repeat(")", 20000) + "\n}\n",
		}, errFile: "deep.tf"},
		{name: "20,000-deep nested JSON", files: map[string]string{
			"deep.tf.json": `{"locals": {"x": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`,
		}, errFile: "deep.tf.json"},
		{name: "50 MB file", setup: func(t *testing.T, dir string) {
			f, err := os.Create(filepath.Join(dir, "huge.tf"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			line := []byte(`  padding = "` + strings.Repeat("x", 100) + "\"\n")
			chunk := bytes.Repeat(line, 10000)
			if _, err := f.WriteString("locals {\n"); err != nil {
				t.Fatal(err)
			}
			for written := 0; written < 50<<20; written += len(chunk) {
				if _, err := f.Write(chunk); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := f.WriteString("}\n"); err != nil {
				t.Fatal(err)
			}
		}, errFile: "huge.tf"},
		{name: "unreadable file", setup: func(t *testing.T, dir string) {
			p := filepath.Join(dir, "secret.tf")
			if os.Geteuid() != 0 {
				if err := os.WriteFile(p, []byte(unencryptedDB), 0o000); err != nil {
					t.Fatal(err)
				}
				return
			}
			// Root reads a mode-000 file; reading /proc/self/mem from
			// offset 0 fails with EIO for everyone.
			if _, err := os.Stat("/proc/self/mem"); err != nil {
				t.Skip("root can read a mode-000 file and there is no /proc/self/mem")
			}
			if err := os.Symlink("/proc/self/mem", p); err != nil {
				t.Skip(err)
			}
		}, errFile: "secret.tf"},
		{name: "module that calls itself", files: map[string]string{
			"self.tf": "module \"me\" {\n  source = \"./\"\n}\n",
		}, errFile: "self.tf", line: 1},
		{name: "two modules calling each other", files: map[string]string{
			"call.tf":        "module \"a\" {\n  source = \"./modules/a\"\n}\n",
			"modules/a/a.tf": "module \"b\" {\n  source = \"../b\"\n}\n",
			"modules/b/b.tf": "module \"a\" {\n  source = \"../a\"\n}\n",
		}, errFile: ".tf"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFilesIn(t, dir, map[string]string{"db.tf": unencryptedDB})
			writeFilesIn(t, dir, tc.files)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			code, doc, stderr := badRun(t, dir)
			if code != exitError {
				t.Errorf("exit %d, want %d (an error outranks findings)", code, exitError)
			}
			if !hasFinding(doc, "aws-rds-storage-encrypted", "db.tf") {
				t.Errorf("the valid file was not checked; findings %+v", doc.Findings)
			}
			line := errorLine(t, stderr, tc.errFile)
			if tc.line > 0 && !strings.Contains(line, fmt.Sprintf("%s:%d:", tc.errFile, tc.line)) {
				t.Errorf("error %q does not point at line %d", line, tc.line)
			}
			if len(doc.Errors) == 0 {
				t.Errorf("the JSON document lists no error")
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 4 {
				t.Errorf("one bad file should give a short reason, got:\n%s", stderr)
			}
		})
	}
}

func TestModuleCycleIsNamed(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"db.tf":   unencryptedDB,
		"self.tf": "module \"me\" {\n  source = \"./\"\n}\n",
	})
	_, _, stderr := badRun(t, dir)
	if !strings.Contains(stderr, "cycle") || !strings.Contains(stderr, `"me"`) {
		t.Errorf("the error should name the cycle and the module call:\n%s", stderr)
	}
}

func TestSymlinkLoopTerminates(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{"db.tf": unencryptedDB, "sub/x.tf": unencryptedDB})
	if err := os.Symlink("..", filepath.Join(dir, "sub", "up")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "self")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("loop.tf", filepath.Join(dir, "loop.tf")); err != nil {
		t.Skip(err)
	}
	code, doc, stderr := badRun(t, dir)
	if code == exitOK {
		t.Errorf("exit 0 with an unencrypted database")
	}
	if !hasFinding(doc, "aws-rds-storage-encrypted", "db.tf") || !hasFinding(doc, "aws-rds-storage-encrypted", "sub/x.tf") {
		t.Errorf("findings %+v; want both modules checked once", doc.Findings)
	}
	seen := map[string]int{}
	for _, f := range doc.Findings {
		seen[f.File+" "+f.RuleID+" "+f.Address]++
	}
	for k, n := range seen {
		if n > 1 {
			t.Errorf("%s reported %d times: a loop was followed", k, n)
		}
	}
	_ = stderr
}

// A local module may live outside the scanned directory (`../shared`), as
// Terraform allows: it is loaded read-only and its findings are reported
// with its own file, not refused and not an error.
func TestModuleSourceOutsideTheScannedDirectory(t *testing.T) {
	base := t.TempDir()
	writeFilesIn(t, base, map[string]string{
		"repo/main.tf":   "module \"shared\" {\n  source = \"../shared\"\n}\n",
		"shared/main.tf": unencryptedDB,
	})
	code, doc, stderr := badRun(t, filepath.Join(base, "repo"))
	if code != exitFindings {
		t.Errorf("exit %d, want 1; stderr %s", code, stderr)
	}
	found := false
	for _, f := range doc.Findings {
		if f.RuleID == "aws-rds-storage-encrypted" && f.Address == "module.shared.aws_db_instance.main" && strings.HasSuffix(f.File, "shared/main.tf") {
			found = true
		}
	}
	if !found {
		t.Errorf("the outside module's finding is missing: %+v", doc.Findings)
	}
	// A source that does not exist is an error at the module call, not a crash.
	writeFilesIn(t, base, map[string]string{"gone/main.tf": "module \"x\" {\n  source = \"../../../../../../../no/such/module\"\n}\n"})
	code, _, stderr = badRun(t, filepath.Join(base, "gone"))
	if code != exitError {
		t.Errorf("missing module source: exit %d, want 2", code)
	}
	errorLine(t, stderr, "main.tf")
}

func TestBadPlanJSON(t *testing.T) {
	dir := t.TempDir()
	whole := `{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{"root_module":{"resources":[` +
		`{"address":"aws_db_instance.main","mode":"managed","type":"aws_db_instance","name":"main",` +
		`"provider_name":"registry.terraform.io/hashicorp/aws","values":{"storage_encrypted":false,"engine":"mysql"}}]}}}`
	writeFilesIn(t, dir, map[string]string{
		"truncated.json": whole[:len(whole)/2],
		"notplan.json":   `{"name": "package.json, not a plan", "version": "1.0.0"}`,
		"array.json":     `[1, 2, 3]`,
		"empty.json":     ``,
		"plan.json":      whole,
	})
	for _, name := range []string{"truncated.json", "notplan.json", "array.json", "empty.json"} {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := badRun(t, filepath.Join(dir, name), filepath.Join(dir, "plan.json"))
			if code != exitError {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr, name) {
				t.Errorf("stderr does not name %s:\n%s", name, stderr)
			}
		})
	}
	// The good plan given alone is checked: the bad ones did not poison it.
	code, doc, stderr := badRun(t, filepath.Join(dir, "plan.json"))
	if code != exitFindings || !hasFinding(doc, "aws-rds-storage-encrypted", "plan.json") {
		t.Errorf("valid plan: exit %d, findings %+v, stderr %s", code, doc.Findings, stderr)
	}
	errorLine(t, func() string { _, _, s := badRun(t, filepath.Join(dir, "truncated.json")); return s }(), "truncated.json")
}

func TestPathThatDoesNotExist(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{"db.tf": unencryptedDB})
	missing := filepath.Join(dir, "no", "such", "dir")
	code, doc, stderr := badRun(t, dir, missing)
	if code != exitError {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr, missing) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("want one line naming %s, got:\n%s", missing, stderr)
	}
	if !hasFinding(doc, "aws-rds-storage-encrypted", "db.tf") {
		t.Errorf("the existing path was not checked: %+v", doc.Findings)
	}
}

func TestDirectoryWithoutTerraformWritesValidEmptySARIF(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{"README.md": "# nothing here\n", "main.py": "print(1)\n", "sub/notes.txt": "x"})
	var out, errb bytes.Buffer
	code := run([]string{"--format", "sarif", dir}, &out, &errb, nil)
	if code != exitOK {
		t.Errorf("exit %d, want 0; stderr %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "warning") || !strings.Contains(errb.String(), "no Terraform files") {
		t.Errorf("stderr should warn about no Terraform files: %q", errb.String())
	}
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name string `json:"name"`
				} `json:"driver"`
			} `json:"tool"`
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 || doc.Runs[0].Tool.Driver.Name != "tflint-hipaa" {
		t.Errorf("not a one-run SARIF 2.1.0 document from tflint-hipaa:\n%s", out.String())
	}
	if len(doc.Runs) == 1 && (doc.Runs[0].Results == nil || len(doc.Runs[0].Results) != 0) {
		t.Errorf("results must be an empty array (GitHub rejects a missing one):\n%s", out.String())
	}
}

func TestMalformedVar(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{"db.tf": unencryptedDB})
	for _, arg := range []string{"noequals", "=value", ""} {
		code, doc, stderr := badRun(t, "--var", arg, dir)
		if code != exitError {
			t.Errorf("--var %q: exit %d, want 2", arg, code)
		}
		if !strings.Contains(stderr, "--var") || !strings.Contains(stderr, "NAME=VALUE") {
			t.Errorf("--var %q: stderr should say what is expected:\n%s", arg, stderr)
		}
		if !hasFinding(doc, "aws-rds-storage-encrypted", "db.tf") {
			t.Errorf("--var %q: the module was not checked", arg)
		}
	}
	// A value Terraform would reject for the declared type is an error too,
	// not an unknown that silently weakens the checks depending on it.
	writeFilesIn(t, dir, map[string]string{"vars.tf": "variable \"subnets\" {\n  type = list(string)\n}\n\nvariable \"retention\" {\n  type = number\n}\n\nresource \"aws_db_instance\" \"typed\" {\n  db_subnet_group_name    = var.subnets[0]\n  backup_retention_period = var.retention\n}\n"})
	for _, arg := range []string{"subnets=[1,", "retention=seven"} {
		name, _, _ := strings.Cut(arg, "=")
		code, _, stderr := badRun(t, "--var", arg, "--var", "subnets=[\"a\"]", "--var", "retention=7", dir)
		if code != exitOK && code != exitFindings {
			t.Errorf("well-formed values after a bad one override it (last wins, as in terraform): exit %d, stderr %s", code, stderr)
		}
		code, doc, stderr := badRun(t, "--var", arg, dir)
		if code != exitError {
			t.Errorf("--var %q: exit %d, want 2", arg, code)
		}
		if !strings.Contains(stderr, fmt.Sprintf("--var %q: invalid value", name)) {
			t.Errorf("--var %q: stderr should name the variable and say the value is invalid:\n%s", arg, stderr)
		}
		if !hasFinding(doc, "aws-rds-storage-encrypted", "db.tf") {
			t.Errorf("--var %q: the module was not checked", arg)
		}
	}
}

// A panic inside one rule is an error naming the rule and the resource;
// the other rules still report, and nothing shows a stack trace.
func TestPanickingRuleIsContained(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{"db.tf": unencryptedDB})
	res := parser.Load([]string{dir}, parser.Options{WorkDir: dir})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Error())
	}
	broken := &policies.Rule{
		ID:        "test-broken-rule",
		Resources: []string{"aws_db_instance"},
		Check: func(p *policies.Pass, r *graph.Resource) {
			var m map[string]int
			m["nil map write"]++
		},
	}
	findings, diags := policies.Run(res.Graphs, []*policies.Rule{broken, policies.RDSStorageEncrypted}, policies.RunOptions{})
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic for the panic, got %v", diags)
	}
	text := diagText(diags[0])
	for _, want := range []string{"test-broken-rule", "aws_db_instance.main", "db.tf:1:"} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostic %q does not name %s", text, want)
		}
	}
	if stackTrace.MatchString(text) {
		t.Errorf("diagnostic holds a stack trace: %s", text)
	}
	if len(findings) != 1 || findings[0].RuleID != "aws-rds-storage-encrypted" {
		t.Errorf("the other rule should still report; got %+v", findings)
	}
}

// FuzzCLI runs the whole command (load, every rule, suppressions, JSON) on
// the compliant example stack with its root main.tf replaced by arbitrary
// bytes, so the rules and writers meet the odd graphs that FuzzLoadHCL only
// loads. Whatever the input: an exit code of 0, 1 or 2, a JSON document on
// stdout, no internal error and no stack trace.
func FuzzCLI(f *testing.F) {
	example := "../../examples/compliant"
	var seeds []string
	_ = filepath.WalkDir(example, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tf") {
			if data, err := os.ReadFile(p); err == nil {
				seeds = append(seeds, string(data))
			}
		}
		return nil
	})
	seeds = append(seeds,
		unencryptedDB,
		"# tflint-hipaa:ignore:aws-rds-storage-encrypted:exp:2020-01-01 old\n"+unencryptedDB,
		"resource \"aws_s3_bucket\" \"b\" {\n  for_each = toset([\"a\", \"123-45-6789\"])\n  bucket = each.key\n  tags = { patient_email = \"a@b.example\" }\n}\n",
		"module \"db\" {\n  source = \"./modules/database\"\n  count = 3\n}\n",
		"resource \"aws_lb_listener\" \"l\" {\n  protocol = \"HTTP\"\n  default_action {\n    type = \"redirect\"\n  }\n}\n",
		"locals { y = yamldecode(\"a: &x [1, *x]\") }\n",
	)
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, mainTF []byte) {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(example)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), mainTF, 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := run([]string{"--format", "json", "--strict", dir}, &out, &errb, nil)
		if code != exitOK && code != exitFindings && code != exitError {
			t.Fatalf("exit %d", code)
		}
		for _, s := range []string{out.String(), errb.String()} {
			if internalError.MatchString(s) || stackTrace.MatchString(s) {
				t.Fatalf("internal error or stack trace:\n%s", s)
			}
		}
		if !json.Valid(out.Bytes()) {
			t.Fatalf("stdout is not JSON:\n%s", out.String())
		}
	})
}
