package report

import (
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

func finding(sev policies.Severity, undetermined, suppressed bool) policies.Finding {
	f := policies.Finding{RuleID: "r", Severity: sev, Message: "m", Undetermined: undetermined}
	if suppressed {
		f.Suppression = &policies.Suppression{Kind: "external", Source: "config"}
	}
	return f
}

func TestShownAndSummary(t *testing.T) {
	in := &Input{
		Findings: []policies.Finding{
			finding(policies.Critical, false, false),
			finding(policies.High, false, false),
			finding(policies.Medium, false, true),
			finding(policies.Medium, true, false),
			finding(policies.Low, true, false),
			finding(policies.Low, false, false),
		},
		Diags: hcl.Diagnostics{{Severity: hcl.DiagError}, {Severity: hcl.DiagWarning}, nil},
	}
	if got := len(in.Shown()); got != 4 {
		t.Errorf("not strict: %d shown, want 4 (undetermined hidden, suppressed kept)", got)
	}
	want := Summary{Critical: 1, High: 1, Low: 1, Total: 3, Suppressed: 1, Undetermined: 2, Errors: 1, Warnings: 1}
	if got := in.Summarize(); got != want {
		t.Errorf("summary %+v, want %+v", got, want)
	}
	in.Strict = true
	if got := len(in.Shown()); got != 6 {
		t.Errorf("strict: %d shown, want 6", got)
	}
	in.MinSeverity = policies.Medium
	if got := len(in.Shown()); got != 4 {
		t.Errorf("min medium: %d shown, want 4", got)
	}
	want = Summary{Critical: 1, High: 1, Total: 2, Suppressed: 1, Undetermined: 1, Errors: 1, Warnings: 1}
	if got := in.Summarize(); got != want {
		t.Errorf("min medium summary %+v, want %+v", got, want)
	}
}

func TestRelPath(t *testing.T) {
	in := &Input{WorkDir: "/w/repo"}
	cases := []struct {
		name, rel, display string
		ok                 bool
	}{
		{"main.tf", "main.tf", "main.tf", true},
		{"./mods/a.tf", "mods/a.tf", "mods/a.tf", true},
		{"/w/repo/mods/b.tf", "mods/b.tf", "mods/b.tf", true},
		{"/w/other/c.tf", "../other/c.tf", "/w/other/c.tf", true},
		{"../up.tf", "../up.tf", "/w/up.tf", true},
		{"", "", "", true},
	}
	for _, c := range cases {
		rel, ok := in.RelPath(c.name)
		if rel != c.rel || ok != c.ok {
			t.Errorf("RelPath(%q) = %q, %v; want %q, %v", c.name, rel, ok, c.rel, c.ok)
		}
		if d := in.DisplayPath(c.name); d != c.display {
			t.Errorf("DisplayPath(%q) = %q, want %q", c.name, d, c.display)
		}
	}
	noWD := &Input{}
	if rel, ok := noWD.RelPath("/abs/x.tf"); rel != "/abs/x.tf" || ok {
		t.Errorf("no WorkDir: %q, %v", rel, ok)
	}
}

func TestLine(t *testing.T) {
	src := []byte("one\r\ntwo\n\nfour")
	cases := map[int]string{1: "one", 2: "two", 3: "", 4: "four"}
	for n, want := range cases {
		if got, ok := Line(src, n); !ok || got != want {
			t.Errorf("Line %d = %q, %v; want %q", n, got, ok, want)
		}
	}
	for _, n := range []int{0, -1, 5, 100} {
		if _, ok := Line(src, n); ok {
			t.Errorf("Line %d exists", n)
		}
	}
	if got, ok := Line([]byte("a\n"), 2); !ok || got != "" {
		t.Errorf("line after final newline = %q, %v", got, ok)
	}
}

func TestMessage(t *testing.T) {
	f := policies.Finding{Message: "x: unknown", Undetermined: true}
	if got := Message(&f); got != "cannot verify: x: unknown" {
		t.Errorf("got %q", got)
	}
	f.Message = "cannot verify: already"
	if got := Message(&f); got != "cannot verify: already" {
		t.Errorf("prefix doubled: %q", got)
	}
	f.Undetermined = false
	f.Message = "plain"
	if got := Message(&f); got != "plain" {
		t.Errorf("got %q", got)
	}
}
