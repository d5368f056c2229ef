package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// testRules stands in for the registry so these tests do not depend on which
// rules exist.
var testRules = map[string]*policies.Rule{
	"aws-rds-backup-retention":  {ID: "aws-rds-backup-retention", Severity: policies.High, Options: map[string]int{"min_days": 7}},
	"aws-vpc-dedicated-tenancy": {ID: "aws-vpc-dedicated-tenancy", Severity: policies.Medium},
}

func lookup(id string) *policies.Rule { return testRules[id] }

func TestParseFullConfig(t *testing.T) {
	const src = `profile      = "current"
fail_on      = "medium"
min_severity = "low"
exclude      = ["examples/**", "legacy/*.tf"]

rule "aws-vpc-dedicated-tenancy" { enabled = false }
rule "aws-rds-backup-retention" {
  severity  = "low"
  ignorable = false
  min_days  = 14
}

phi {
  extra_keywords = ["member_id"]
  allow          = ["patient-portal-static-assets"]
}

suppressions {
  require_reason = true
}
`
	cfg, diags := Parse(".tflint-hipaa.hcl", []byte(src), lookup)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if cfg.Profile != "current" || cfg.FailOn != policies.Medium || cfg.MinSeverity != policies.Low {
		t.Errorf("profile/thresholds: %+v", cfg)
	}
	if !reflect.DeepEqual(cfg.Exclude, []string{"examples/**", "legacy/*.tf"}) {
		t.Errorf("exclude = %q", cfg.Exclude)
	}
	vpc := cfg.Rules["aws-vpc-dedicated-tenancy"]
	if vpc == nil || vpc.Enabled == nil || *vpc.Enabled || !vpc.Ignorable {
		t.Errorf("vpc rule = %+v", vpc)
	}
	rds := cfg.Rules["aws-rds-backup-retention"]
	if rds == nil || rds.Enabled != nil || rds.Severity != policies.Low || rds.Ignorable || rds.Options["min_days"] != 14 {
		t.Errorf("rds rule = %+v", rds)
	}
	if cfg.Ignorable("aws-rds-backup-retention") || !cfg.Ignorable("aws-vpc-dedicated-tenancy") || !cfg.Ignorable("anything-else") {
		t.Errorf("Ignorable answers wrong")
	}
	if got := cfg.RuleOptions(); !reflect.DeepEqual(got, map[string]map[string]int{"aws-rds-backup-retention": {"min_days": 14}}) {
		t.Errorf("RuleOptions = %v", got)
	}
	if !reflect.DeepEqual(cfg.PHI, PHI{ExtraKeywords: []string{"member_id"}, Allow: []string{"patient-portal-static-assets"}}) {
		t.Errorf("phi = %+v", cfg.PHI)
	}
	if !cfg.RequireReason {
		t.Errorf("require_reason not read")
	}
}

func TestParseEmptyConfig(t *testing.T) {
	cfg, diags := Parse("c.hcl", []byte("# nothing configured\n"), lookup)
	if diags.HasErrors() || cfg == nil || cfg.Profile != "" || cfg.FailOn != 0 || len(cfg.Rules) != 0 || cfg.RequireReason {
		t.Fatalf("empty config: %+v %v", cfg, diags)
	}
}

// Every mistake is an error that names the file and the line it is on.
func TestParseErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		contains  string
	}{
		{"typo top-level", "profile = \"whitepaper\"\nfail_onn = \"high\"\n", 2, "fail_onn"},
		{"typo in rule", "rule \"aws-rds-backup-retention\" {\n  severty = \"low\"\n}\n", 2, "severty"},
		{"unknown option", "rule \"aws-vpc-dedicated-tenancy\" {\n  enabled = true\n  min_days = 3\n}\n", 3, "min_days"},
		{"unknown rule id", "\n\nrule \"aws-rds-storage-encryptd\" { enabled = false }\n", 3, "aws-rds-storage-encryptd"},
		{"unknown block", "phi {}\nsuppression {\n  require_reason = true\n}\n", 2, "suppression"},
		{"unknown phi key", "phi {\n  keywords = [\"x\"]\n}\n", 2, "keywords"},
		{"block in rule", "rule \"aws-rds-backup-retention\" {\n  options {\n  }\n}\n", 2, "options"},
		{"bad severity", "fail_on = \"severe\"\n", 1, "severe"},
		{"bad rule severity", "rule \"aws-vpc-dedicated-tenancy\" {\n\n  severity = \"urgent\"\n}\n", 3, "urgent"},
		{"bad profile", "\nprofile = \"2024\"\n", 2, "2024"},
		{"wrong type", "exclude = \"examples/**\"\n", 1, "exclude"},
		{"fractional option", "rule \"aws-rds-backup-retention\" {\n  min_days = 1.5\n}\n", 2, "whole number"},
		{"variable", "profile = var.profile\n", 1, "Variables not allowed"},
		{"duplicate rule", "rule \"aws-vpc-dedicated-tenancy\" {}\nrule \"aws-vpc-dedicated-tenancy\" {}\n", 2, "already configured at c.hcl:1"},
		{"duplicate phi", "phi {}\nphi {}\n", 2, "only one phi"},
		{"syntax", "profile = \n", 1, ""},
		{"bad glob", "exclude = [\"a/[b\"]\n", 1, "glob"},
		{"phi allows everything", "\n\nphi {\n  allow = [\"*\"]\n}\n", 3, "allow everything"},
		{"too deep", "exclude = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n", 1, "nest deeper"},
		{"enabled not bool", "rule \"aws-vpc-dedicated-tenancy\" {\n  enabled = \"maybe\"\n}\n", 2, "enabled"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, diags := Parse("c.hcl", []byte(c.src), lookup)
			if !diags.HasErrors() || cfg != nil {
				t.Fatalf("want an error, got cfg %+v diags %v", cfg, diags)
			}
			d := diags.Errs()[0].Error()
			if !strings.HasPrefix(d, "c.hcl:"+strconv.Itoa(c.line)+",") {
				t.Errorf("error %q does not start with c.hcl:%d", d, c.line)
			}
			if !strings.Contains(d, c.contains) {
				t.Errorf("error %q does not mention %q", d, c.contains)
			}
		})
	}
}

func TestLoadFromDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DefaultFilename)
	if err := os.WriteFile(path, []byte("fail_on = \"high\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, diags := Load(path, lookup)
	if diags.HasErrors() || cfg.FailOn != policies.High || cfg.Filename != path {
		t.Fatalf("%+v %v", cfg, diags)
	}
	if _, diags := Load(filepath.Join(dir, "missing.hcl"), lookup); !diags.HasErrors() {
		t.Errorf("a missing config file must be an error")
	}
	if _, diags := Load(dir, lookup); !diags.HasErrors() {
		t.Errorf("a directory as config must be an error")
	}
}

func TestParseJSONSyntax(t *testing.T) {
	src := `{"fail_on": "critical", "rule": {"aws-rds-backup-retention": {"min_days": 30}}}`
	cfg, diags := Parse("c.hcl.json", []byte(src), lookup)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if cfg.FailOn != policies.Critical || cfg.Rules["aws-rds-backup-retention"].Options["min_days"] != 30 {
		t.Errorf("%+v", cfg)
	}
}
