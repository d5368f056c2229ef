// Package config reads .tflint-hipaa.hcl, and applies the ways a finding can be
// suppressed: inline ignore comments and baselines.
//
// Decoding is strict on purpose: a misspelt key that was silently ignored
// would leave a user believing a rule is configured when it is not, so every
// unknown attribute, block, rule id or rule option is an error with its place.
package config

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/tflint-hipaa/tflint-hipaa/internal/nesting"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/phi"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// DefaultFilename is the config read from the current directory when no
// --config is given.
const DefaultFilename = ".tflint-hipaa.hcl"

// maxConfigBytes bounds what Load reads: a config is a few lines, and a
// mistaken --config pointing at a huge file should fail fast.
const maxConfigBytes = 4 << 20

// File is a decoded config. Zero values mean "not set": flags and defaults apply.
type File struct {
	Filename string
	// Profile is "whitepaper", "current" or "".
	Profile     string
	FailOn      policies.Severity
	MinSeverity policies.Severity
	Exclude     []string
	// Rules are the rule blocks by id.
	Rules map[string]*RuleConfig
	PHI   PHI
	// RequireReason is suppressions { require_reason }.
	RequireReason bool
}

// RuleConfig is one `rule "<id>" { ... }` block.
type RuleConfig struct {
	ID string
	// Enabled is nil when the block does not say.
	Enabled *bool
	// Severity overrides the rule's severity; 0 keeps it.
	Severity policies.Severity
	// Ignorable is false when inline comments may not silence the rule.
	Ignorable bool
	// Options are the rule's settings (`min_days = 14`), checked against Rule.Options.
	Options   map[string]int
	DeclRange hcl.Range
}

// PHI configures the PHI-like content detector.
type PHI struct {
	// ExtraKeywords are words that mark a name as PHI-like besides the built-in ones.
	ExtraKeywords []string
	// Allow are names that are never reported, though they look PHI-like.
	Allow []string
}

// Ignorable answers whether inline comments may silence the rule.
func (f *File) Ignorable(id string) bool {
	if f == nil {
		return true
	}
	rc, ok := f.Rules[id]
	return !ok || rc.Ignorable
}

// RuleOptions returns the rule options of every rule block that sets any,
// shaped for policies.RunOptions.RuleOptions.
func (f *File) RuleOptions() map[string]map[string]int {
	if f == nil {
		return nil
	}
	out := map[string]map[string]int{}
	for id, rc := range f.Rules {
		if len(rc.Options) > 0 {
			out[id] = rc.Options
		}
	}
	return out
}

// RuleLookup finds a rule by id; policies.ByID in the CLI, a fixed set in tests.
type RuleLookup func(id string) *policies.Rule

// Load reads and decodes the config at path.
func Load(path string, lookup RuleLookup) (*File, hcl.Diagnostics) {
	src, err := readLimited(path)
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read config file",
			Detail:   fmt.Sprintf("%s: %v", path, err),
		}}
	}
	return Parse(path, src, lookup)
}

func readLimited(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory")
	}
	if st.Size() > maxConfigBytes {
		return nil, fmt.Errorf("file is %d bytes, more than a config may have (%d)", st.Size(), maxConfigBytes)
	}
	return os.ReadFile(path)
}

// The config's schemas. Decoding goes through hcl.Body.Content, the strict
// core of gohcl/hcldec: an attribute or block not in the schema is an
// "Unsupported argument/block" error at its range. (gohcl itself would pull
// hclwrite and its go-cmp dependency into the build for nothing.)
var (
	fileSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "profile"}, {Name: "fail_on"}, {Name: "min_severity"}, {Name: "exclude"}},
		Blocks: []hcl.BlockHeaderSchema{
			{Type: "rule", LabelNames: []string{"id"}},
			{Type: "phi"},
			{Type: "suppressions"},
		},
	}
	ruleFixedAttrs    = []string{"enabled", "severity", "ignorable"}
	phiSchema         = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "extra_keywords"}, {Name: "allow"}}}
	suppressionSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "require_reason"}}}
)

// Parse decodes config source. filename names it in diagnostics; a name
// ending in .json is read as HCL's JSON syntax. It never panics: every problem
// is a diagnostic with a range.
func Parse(filename string, src []byte, lookup RuleLookup) (cfg *File, diags hcl.Diagnostics) {
	defer func() {
		// The decoder is third-party code fed user input: a panic there must
		// still be an error with the file's name, not a crash.
		if v := recover(); v != nil {
			cfg = nil
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Cannot decode config file",
				Detail:   fmt.Sprintf("%s: internal error: %v", filename, v),
				Subject:  &hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos},
			})
		}
	}()
	if nesting.TooDeep(src) {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Config nests too deep",
			Detail:   fmt.Sprintf("brackets nest deeper than %d levels.", nesting.Max),
			Subject:  &hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos},
		}}
	}
	p := hclparse.NewParser()
	var file *hcl.File
	if strings.EqualFold(filepath.Ext(filename), ".json") {
		file, diags = p.ParseJSON(src, filename)
	} else {
		file, diags = p.ParseHCL(src, filename)
	}
	if diags.HasErrors() || file == nil {
		return nil, diags
	}
	content, d := file.Body.Content(fileSchema)
	diags = append(diags, d...)
	if content == nil {
		return nil, diags
	}

	cfg = &File{Filename: filename, Rules: map[string]*RuleConfig{}}
	errorAt := func(rng hcl.Range, summary, detail string) {
		r := rng
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &r})
	}

	if a := content.Attributes["profile"]; a != nil {
		var s string
		if decodeAttr(a, &s, &diags) {
			if s != policies.ProfileWhitepaper && s != policies.ProfileCurrent {
				errorAt(a.Expr.Range(), "Unknown profile", fmt.Sprintf("profile %q: want %q or %q.", s, policies.ProfileWhitepaper, policies.ProfileCurrent))
			} else {
				cfg.Profile = s
			}
		}
	}
	cfg.FailOn = decodeSeverity(content.Attributes["fail_on"], &diags)
	cfg.MinSeverity = decodeSeverity(content.Attributes["min_severity"], &diags)
	if a := content.Attributes["exclude"]; a != nil {
		var globs []string
		if decodeAttr(a, &globs, &diags) {
			for _, g := range globs {
				if !doublestar.ValidatePattern(filepath.ToSlash(g)) {
					errorAt(a.Expr.Range(), "Invalid exclude pattern", fmt.Sprintf("%q is not a valid glob pattern.", g))
				}
			}
			cfg.Exclude = globs
		}
	}

	seenPHI, seenSupp := false, false
	for _, blk := range content.Blocks {
		switch blk.Type {
		case "rule":
			decodeRule(cfg, blk, lookup, &diags)
		case "phi":
			if seenPHI {
				errorAt(blk.DefRange, "Duplicate phi block", "only one phi block is allowed.")
				continue
			}
			seenPHI = true
			c, d := blk.Body.Content(phiSchema)
			diags = append(diags, d...)
			if c == nil {
				continue
			}
			if a := c.Attributes["extra_keywords"]; a != nil {
				decodeAttr(a, &cfg.PHI.ExtraKeywords, &diags)
			}
			if a := c.Attributes["allow"]; a != nil {
				decodeAttr(a, &cfg.PHI.Allow, &diags)
			}
			// The detector refuses some entries (an allow of "*" would allow
			// everything); say so here, where the line is known.
			if _, err := phi.New(cfg.PHI.ExtraKeywords, cfg.PHI.Allow); err != nil {
				errorAt(blk.DefRange, "Invalid phi settings", err.Error()+".")
			}
		case "suppressions":
			if seenSupp {
				errorAt(blk.DefRange, "Duplicate suppressions block", "only one suppressions block is allowed.")
				continue
			}
			seenSupp = true
			c, d := blk.Body.Content(suppressionSchema)
			diags = append(diags, d...)
			if c == nil {
				continue
			}
			if a := c.Attributes["require_reason"]; a != nil {
				decodeAttr(a, &cfg.RequireReason, &diags)
			}
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return cfg, diags
}

// decodeRule reads one rule block: the fixed settings, then the rule's own options.
func decodeRule(cfg *File, blk *hcl.Block, lookup RuleLookup, diags *hcl.Diagnostics) {
	errorAt := func(rng hcl.Range, summary, detail string) {
		r := rng
		*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &r})
	}
	id := blk.Labels[0]
	idRange := blk.DefRange
	if len(blk.LabelRanges) > 0 {
		idRange = blk.LabelRanges[0]
	}
	rule := lookup(id)
	if rule == nil {
		errorAt(idRange, "Unknown rule id", fmt.Sprintf("rule %q does not exist (see --list-rules).", id))
		return
	}
	if prev, dup := cfg.Rules[id]; dup {
		errorAt(blk.DefRange, "Duplicate rule block", fmt.Sprintf("rule %q is already configured at %s:%d.", id, prev.DeclRange.Filename, prev.DeclRange.Start.Line))
		return
	}
	// The schema is the fixed settings plus this rule's options, so a typo is
	// "Unsupported argument" at its line whichever it was meant to be.
	schema := &hcl.BodySchema{}
	for _, n := range ruleFixedAttrs {
		schema.Attributes = append(schema.Attributes, hcl.AttributeSchema{Name: n})
	}
	opts := make([]string, 0, len(rule.Options))
	for n := range rule.Options {
		opts = append(opts, n)
	}
	sort.Strings(opts)
	for _, n := range opts {
		schema.Attributes = append(schema.Attributes, hcl.AttributeSchema{Name: n})
	}
	c, d := blk.Body.Content(schema)
	for _, diag := range d {
		if diag.Summary == "Unsupported argument" {
			diag.Detail += fmt.Sprintf(" Rule %q takes %s.", id, strings.Join(append(append([]string(nil), ruleFixedAttrs...), opts...), ", "))
		}
	}
	*diags = append(*diags, d...)
	if c == nil {
		return
	}
	rc := &RuleConfig{ID: id, Ignorable: true, DeclRange: blk.DefRange}
	if a := c.Attributes["enabled"]; a != nil {
		var b bool
		if decodeAttr(a, &b, diags) {
			rc.Enabled = &b
		}
	}
	rc.Severity = decodeSeverity(c.Attributes["severity"], diags)
	if a := c.Attributes["ignorable"]; a != nil {
		decodeAttr(a, &rc.Ignorable, diags)
	}
	for _, n := range opts {
		a := c.Attributes[n]
		if a == nil {
			continue
		}
		v, ok := decodeWhole(a, diags)
		if !ok {
			continue
		}
		if rc.Options == nil {
			rc.Options = map[string]int{}
		}
		rc.Options[n] = v
	}
	cfg.Rules[id] = rc
}

// decodeAttr decodes a constant attribute value into target; a variable,
// function call or wrong type is an error at the attribute.
func decodeAttr(attr *hcl.Attribute, target any, diags *hcl.Diagnostics) bool {
	v, d := attr.Expr.Value(nil)
	*diags = append(*diags, d...)
	if d.HasErrors() {
		return false
	}
	fail := func(why string) bool {
		r := attr.Expr.Range()
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Incorrect attribute value type",
			Detail:   fmt.Sprintf("Inappropriate value for attribute %q: %s.", attr.Name, why),
			Subject:  &r,
		})
		return false
	}
	ty, err := gocty.ImpliedType(target)
	if err != nil {
		return fail(err.Error())
	}
	if v.IsNull() {
		return fail("must not be null")
	}
	v, err = convert.Convert(v, ty)
	if err != nil {
		return fail(err.Error())
	}
	if !v.IsWhollyKnown() {
		return fail("must be a constant")
	}
	if err := gocty.FromCtyValue(v, target); err != nil {
		return fail(err.Error())
	}
	return true
}

func decodeSeverity(attr *hcl.Attribute, diags *hcl.Diagnostics) policies.Severity {
	if attr == nil {
		return 0
	}
	var s string
	if !decodeAttr(attr, &s, diags) {
		return 0
	}
	sev, err := policies.ParseSeverity(s)
	if err != nil {
		r := attr.Expr.Range()
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid severity",
			Detail:   fmt.Sprintf("%s: %v.", attr.Name, err),
			Subject:  &r,
		})
		return 0
	}
	return sev
}

// decodeWhole reads an integer rule option.
func decodeWhole(attr *hcl.Attribute, diags *hcl.Diagnostics) (int, bool) {
	v, d := attr.Expr.Value(nil)
	*diags = append(*diags, d...)
	if d.HasErrors() {
		return 0, false
	}
	n, ok := wholeNumber(v)
	if !ok {
		r := attr.Expr.Range()
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid rule option",
			Detail:   fmt.Sprintf("%s must be a whole number.", attr.Name),
			Subject:  &r,
		})
	}
	return n, ok
}

// wholeNumber is v as an int when it is a known whole number that fits.
func wholeNumber(v cty.Value) (int, bool) {
	if v.IsNull() || !v.IsWhollyKnown() || v.Type() != cty.Number {
		return 0, false
	}
	bf := v.AsBigFloat()
	if !bf.IsInt() {
		return 0, false
	}
	i, acc := bf.Int64()
	if acc != big.Exact || i < -1<<31 || i > 1<<31-1 {
		return 0, false
	}
	return int(i), true
}
