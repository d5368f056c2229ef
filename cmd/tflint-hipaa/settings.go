package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/config"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/phi"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// settings are the flags and the config file merged: flags override the file.
type settings struct {
	profile     string
	rules       []*policies.Rule
	ruleOptions map[string]map[string]int
	minSeverity policies.Severity
	failOn      policies.Severity
	softFail    bool
	strict      bool
	exclude     []string

	// cfg is the config file read, nil when there is none.
	cfg *config.File
	// requireReason is the config's suppressions { require_reason }.
	requireReason bool
	// phiExtraKeywords and phiAllow are the config's phi block, already
	// handed to phi.Configure; kept for reporting what the run used.
	phiExtraKeywords []string
	phiAllow         []string
	// baseline and writeBaseline are --baseline and --write-baseline.
	baseline      string
	writeBaseline string
}

func resolveSettings(f *cliFlags, env []string) (*settings, error) {
	cfg, err := loadConfig(f.configFile)
	if err != nil {
		return nil, err
	}
	s := &settings{
		profile:       policies.ProfileWhitepaper,
		failOn:        policies.Low,
		softFail:      f.softFail,
		strict:        f.strict,
		cfg:           cfg,
		baseline:      f.baseline,
		writeBaseline: f.writeBase,
	}
	if cfg != nil {
		if cfg.Profile != "" {
			s.profile = cfg.Profile
		}
		if cfg.FailOn != 0 {
			s.failOn = cfg.FailOn
		}
		s.minSeverity = cfg.MinSeverity
		s.exclude = append(s.exclude, cfg.Exclude...)
		s.ruleOptions = cfg.RuleOptions()
		s.requireReason = cfg.RequireReason
		s.phiExtraKeywords = cfg.PHI.ExtraKeywords
		s.phiAllow = cfg.PHI.Allow
	}
	// Exclusions add up: the config's skip the project's generated code, the
	// flag's whatever this run also wants skipped.
	s.exclude = append(s.exclude, f.exclude...)
	if f.profile != "" {
		s.profile = f.profile
	}
	if s.profile != policies.ProfileWhitepaper && s.profile != policies.ProfileCurrent {
		return nil, fmt.Errorf("--profile %q: want whitepaper or current", s.profile)
	}
	if f.minSeverity != "" {
		if s.minSeverity, err = policies.ParseSeverity(f.minSeverity); err != nil {
			return nil, fmt.Errorf("--min-severity: %v", err)
		}
	}
	if f.failOn != "" {
		if s.failOn, err = policies.ParseSeverity(f.failOn); err != nil {
			return nil, fmt.Errorf("--fail-on: %v", err)
		}
	}
	// The detector is package state in pkg/phi; configuring it here, before any
	// rule runs, is the one place the config reaches it. Configure with nothing
	// resets it, so a run never inherits an earlier run's keywords.
	if err := phi.Configure(s.phiExtraKeywords, s.phiAllow); err != nil {
		return nil, fmt.Errorf("config: %v", err)
	}
	s.rules, err = selectRules(policies.All(), s.profile, cfg, f.enable, f.disable, f.only)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// loadConfig reads --config, else .tflint-hipaa.hcl in the current directory
// when it exists. A config that does not decode is an error naming each
// problem's file and line.
func loadConfig(flagPath string) (*config.File, error) {
	path := flagPath
	if path == "" {
		if _, err := os.Stat(config.DefaultFilename); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, nil
			}
			return nil, fmt.Errorf("config: %v", err)
		}
		path = config.DefaultFilename
	}
	cfg, diags := config.Load(path, policies.ByID)
	if diags.HasErrors() {
		return nil, diagsError(diags)
	}
	return cfg, nil
}

// diagsError formats errors one per line as file:line:col: summary; detail,
// the shape editors and CI logs link to.
func diagsError(diags hcl.Diagnostics) error {
	var lines []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += "; " + d.Detail
		}
		if d.Subject != nil {
			msg = fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, msg)
		}
		lines = append(lines, msg)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// selectRules applies the profile, the config's rule blocks, then --only,
// --disable and --enable, so flags win over the file. A config severity
// override gives the rule a copy with that severity: its findings and every
// writer's rule metadata then agree.
func selectRules(all []*policies.Rule, profile string, cfg *config.File, enable, disable, only []string) ([]*policies.Rule, error) {
	for _, group := range [][]string{enable, disable, only} {
		for _, id := range group {
			if policies.ByID(id) == nil {
				return nil, fmt.Errorf("unknown rule id %q (see --list-rules)", id)
			}
		}
	}
	in := func(list []string, id string) bool {
		for _, x := range list {
			if x == id {
				return true
			}
		}
		return false
	}
	var out []*policies.Rule
	for _, r := range all {
		on := r.EnabledIn(profile)
		var rc *config.RuleConfig
		if cfg != nil {
			rc = cfg.Rules[r.ID]
		}
		if rc != nil && rc.Enabled != nil {
			on = *rc.Enabled
		}
		if len(only) > 0 {
			on = in(only, r.ID)
		}
		if in(disable, r.ID) {
			on = false
		}
		if in(enable, r.ID) {
			on = true
		}
		if !on {
			continue
		}
		if rc != nil && rc.Severity != 0 && rc.Severity != r.Severity {
			overridden := *r
			overridden.Severity = rc.Severity
			r = &overridden
		}
		out = append(out, r)
	}
	return out, nil
}
