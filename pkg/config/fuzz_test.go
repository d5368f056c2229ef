package config

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// FuzzParseSuppressions feeds arbitrary bytes to the comment parser and the
// matcher: they must never panic, and what they return must be well formed.
func FuzzParseSuppressions(f *testing.F) {
	for _, seed := range []string{
		"# tflint-hipaa:ignore:a reason\nresource \"x\" \"y\" {\n  a = 1 # tflint-hipaa:ignore:b,c:exp:2027-01-01 why\n}\n",
		"/* tflint-hipaa:ignore:a */ a = 1\n// tflint-hipaa:ignore:a\n// tflint-hipaa:ignore:b\nmodule \"m\" {\n}\n",
		"x = \"# tflint-hipaa:ignore:a\"\ny = <<EOT\n# tflint-hipaa:ignore:a\nEOT\n",
		"# tflint-hipaa:ignore\n# tflint-hipaa:ignore::exp:\n# tflint-hipaa:ignore:a:exp:9999-99-99\n",
		"/* tflint-hipaa:ignore:a",
		"resource \"x\" \"y\" { # tflint-hipaa:ignore:a tflint-hipaa:ignore:b\n",
	} {
		f.Add([]byte(seed))
	}
	today := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src []byte) {
		ds, diags := ParseSuppressions("f.tf", src)
		for _, d := range ds {
			if len(d.RuleIDs) == 0 {
				t.Fatalf("directive without ids: %+v", d)
			}
			for _, id := range d.RuleIDs {
				if id == "" || idLen(id) != len(id) {
					t.Fatalf("bad id %q", id)
				}
			}
			if d.Expires != "" {
				if _, err := time.Parse(dateLayout, d.Expires); err != nil {
					t.Fatalf("bad expiry %q", d.Expires)
				}
			}
			if d.Range.Filename != "f.tf" || d.Range.Start.Line < 1 {
				t.Fatalf("bad range %v", d.Range)
			}
			if d.Target.Filename != "" && d.Target.Start.Line > d.Target.End.Line {
				t.Fatalf("bad target %v", d.Target)
			}
			if strings.Contains(d.Reason, "\n") {
				t.Fatalf("reason spans lines: %q", d.Reason)
			}
		}
		for _, dg := range diags {
			if dg.Subject == nil || dg.Subject.Filename != "f.tf" {
				t.Fatalf("diagnostic without a place: %v", dg)
			}
		}
		// Every directive's target gets a finding; the matcher must mark it.
		var fs []policies.Finding
		for _, d := range ds {
			if d.Target.Filename == "" {
				continue
			}
			fs = append(fs, policies.Finding{RuleID: d.RuleIDs[0], Range: hcl.Range{Filename: "f.tf", Start: d.Target.Start, End: d.Target.Start}})
		}
		res := ApplyInline(fs, map[string][]byte{"f.tf": src}, InlineOptions{Today: today})
		for _, fd := range fs {
			if !fd.Suppressed() && !strings.Contains(fd.Message, "expired") {
				t.Fatalf("finding at a directive's target neither suppressed nor expired: %+v", fd)
			}
		}
		_ = res
	})
}

// FuzzLoadConfig feeds arbitrary bytes to the config decoder: it must never
// panic, every error must have a place, and a config it accepts must hold
// only valid values.
func FuzzLoadConfig(f *testing.F) {
	for _, seed := range []string{
		"profile = \"current\"\nfail_on = \"medium\"\nmin_severity = \"low\"\nexclude = [\"examples/**\"]\n",
		"rule \"aws-rds-backup-retention\" {\n  severity = \"low\"\n  ignorable = false\n  min_days = 14\n}\nrule \"aws-vpc-dedicated-tenancy\" { enabled = false }\n",
		"phi {\n  extra_keywords = [\"member_id\"]\n  allow = [\"portal-*\"]\n}\nsuppressions { require_reason = true }\n",
		"rule \"nope\" {}\nfail_onn = 1\n",
		"rule \"aws-rds-backup-retention\" { min_days = 1e100 }\n",
		"profile = var.x\nexclude = [for x in [] : x]\n",
		"{\"rule\": {\"aws-rds-backup-retention\": {\"min_days\": 3}}}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, diags := Parse("f.hcl", src, lookup)
		if diags.HasErrors() {
			if cfg != nil {
				t.Fatalf("config returned along with errors")
			}
			for _, d := range diags.Errs() {
				dg := d.(*hcl.Diagnostic)
				if dg.Subject == nil || dg.Subject.Filename != "f.hcl" {
					t.Fatalf("error without a place: %v", dg)
				}
			}
			return
		}
		if cfg == nil {
			t.Fatalf("no config and no error")
		}
		if cfg.Profile != "" && cfg.Profile != policies.ProfileWhitepaper && cfg.Profile != policies.ProfileCurrent {
			t.Fatalf("accepted profile %q", cfg.Profile)
		}
		for _, sev := range []policies.Severity{cfg.FailOn, cfg.MinSeverity} {
			if sev != 0 && (sev < policies.Low || sev > policies.Critical) {
				t.Fatalf("accepted severity %d", sev)
			}
		}
		for id, rc := range cfg.Rules {
			rule := lookup(id)
			if rule == nil {
				t.Fatalf("accepted unknown rule %q", id)
			}
			for n := range rc.Options {
				if _, ok := rule.Options[n]; !ok {
					t.Fatalf("accepted unknown option %q", n)
				}
			}
		}
	})
}
