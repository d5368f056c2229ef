// Package policies holds the rule type, the registry, and one file per rule.
//
// A rule is a value, in the spirit of golang.org/x/tools/go/analysis.Analyzer:
// metadata plus a Check function run once per resource of the types it names.
package policies

import (
	"fmt"
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Severity orders findings; --min-severity and --fail-on compare on it.
type Severity int8

const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Critical:
		return "critical"
	}
	return "unknown"
}

// ParseSeverity reads "low", "medium", "high" or "critical" (any case).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "low":
		return Low, nil
	case "medium":
		return Medium, nil
	case "high":
		return High, nil
	case "critical":
		return Critical, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want low, medium, high or critical)", s)
}

// Profiles.
const (
	// ProfileWhitepaper enforces the March 2017 whitepaper as written.
	ProfileWhitepaper = "whitepaper"
	// ProfileCurrent drops requirements AWS has since retired.
	ProfileCurrent = "current"
)

// Citation texts, 45 CFR Part 164 (the HIPAA Security Rule).
const (
	CiteEncryption   = "45 CFR 164.312(a)(2)(iv)"
	CiteTransmission = "45 CFR 164.312(e)(1), 164.312(e)(2)(ii)"
	CiteAudit        = "45 CFR 164.312(b)"
	CiteBackup       = "45 CFR 164.308(a)(7)(ii)(A)"
	CiteRecovery     = "45 CFR 164.308(a)(7)(ii)(B)"
	CiteIntegrity    = "45 CFR 164.312(c)(1)"
	CiteAccess       = "45 CFR 164.312(a)(1)"
)

// Rule is one check, as data.
type Rule struct {
	// ID is public and stable: users write it in suppressions and configs.
	ID    string
	Title string
	// Description says why the rule exists, in a paragraph.
	Description string
	Severity    Severity
	// Section is the whitepaper section the rule enforces.
	Section   string
	Citations []string
	// Service is the AWS service tag ("s3", "rds", "ec2").
	Service string
	// Resources are the resource types Check is called for.
	Resources []string
	// Remediation says what to set, with a Terraform snippet.
	Remediation string
	// Bad and Good are Terraform examples for the docs.
	Bad, Good string
	// Notes record provider-version changes and profile behaviour for the docs.
	Notes []string
	// Profiles lists the profiles the rule runs in; nil means every profile.
	Profiles []string
	// Options are the rule's settings with their defaults (`min_days = 7`),
	// settable in the config's rule block.
	Options map[string]int
	// Check inspects one resource and reports through the pass.
	Check func(p *Pass, r *graph.Resource)
}

// EnabledIn answers whether the rule runs under the profile.
func (r *Rule) EnabledIn(profile string) bool {
	if r.Profiles == nil {
		return true
	}
	for _, p := range r.Profiles {
		if p == profile {
			return true
		}
	}
	return false
}
