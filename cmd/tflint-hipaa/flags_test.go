package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// --var and --var-file reach the loader, in command-line order (the later wins).
func TestVarAndVarFile(t *testing.T) {
	dir := "../../testdata/cli/unknown" // storage_encrypted = var.enc, no value anywhere
	file := filepath.Join(t.TempDir(), "off.tfvars")
	if err := os.WriteFile(file, []byte("enc = false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args     []string
		findings int
	}{
		{[]string{"--var", "enc=false"}, 1},
		{[]string{"--var", "enc=true"}, 0},
		{[]string{"--var-file", file}, 1},
		{[]string{"--var-file", file, "--var", "enc=true"}, 0},
	} {
		args := append(append([]string{"--only", "aws-rds-storage-encrypted"}, tc.args...), dir)
		_, doc, errs := cliJSON(t, args...)
		if len(doc.Findings) != tc.findings {
			t.Errorf("%v: %d findings, want %d (stderr %s)", tc.args, len(doc.Findings), tc.findings, errs)
		}
	}
}

// --exclude skips matching paths: the broken file's parse error goes away.
func TestExcludeFlag(t *testing.T) {
	code, doc, _ := cliJSON(t, "--only", "aws-rds-storage-encrypted", "../../testdata/cli/broken")
	if code != exitError || len(doc.Errors) == 0 {
		t.Fatalf("without --exclude the broken file is an error: exit %d", code)
	}
	code, doc, errs := cliJSON(t, "--only", "aws-rds-storage-encrypted", "--exclude", "**/broken.tf", "../../testdata/cli/broken")
	if code != exitFindings || len(doc.Errors) != 0 || len(doc.Findings) != 1 {
		t.Errorf("with --exclude: exit %d, %d errors, %d findings; want 1, 0, 1 (stderr %s)", code, len(doc.Errors), len(doc.Findings), errs)
	}
}

// -f is --format, and flags may follow the paths (`tflint-hipaa . -f json`).
func TestShorthandAndFlagsAfterPaths(t *testing.T) {
	code, out, errs := cli(t, "../../testdata/cli/count", "-f", "json", "--only", "aws-rds-storage-encrypted")
	var doc jsonDoc
	if code != exitFindings || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Findings) != 3 {
		t.Errorf("exit %d, want JSON with 3 findings:\n%s\n%s", code, out, errs)
	}
	code, _, _ = cli(t, "--only", "aws-rds-storage-encrypted", "--", "../../testdata/cli/unknown")
	if code != exitOK {
		t.Errorf("-- before paths: exit %d", code)
	}
}

// Colors only on a terminal, and never with NO_COLOR.
func TestNoColorOffATerminal(t *testing.T) {
	_, out, _ := cli(t, "--only", "aws-rds-storage-encrypted", "../../testdata/cli/count")
	if strings.Contains(out, "\x1b[") {
		t.Errorf("text written to a buffer holds ANSI escapes")
	}
	for env, want := range map[string]bool{"NO_COLOR=1": true, "NO_COLOR=": false, "NO_COLORS=1": false} {
		if got := hasEnv([]string{"PATH=/bin", env}, "NO_COLOR"); got != want {
			t.Errorf("hasEnv(%q) = %v, want %v", env, got, want)
		}
	}
}

// Diagnostics on stderr are redacted like every other output.
func TestDiagnosticsOnStderrAreRedacted(t *testing.T) {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid expression", Detail: `near "123-45-6789"`}
	if got := diagText(d); strings.Contains(got, "123-45") || !strings.Contains(got, "Invalid expression") {
		t.Errorf("diagText = %q", got)
	}
}
