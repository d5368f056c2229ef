package policies

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Finding is one thing a rule found, or could not determine.
type Finding struct {
	RuleID   string
	Severity Severity
	// Message names the resource, says what is wrong and what to set.
	Message string
	// Root is the root module directory or plan file the resource belongs to.
	Root    string
	Address string
	Module  string
	// Path is the attribute path inside the resource ("" for the resource itself);
	// with the address it identifies the finding independent of line numbers.
	Path string
	// Range is where the finding points: the attribute, or the resource header
	// when the attribute is missing.
	Range hcl.Range
	// ResourceRange is the resource header, BlockRange the whole resource block.
	ResourceRange hcl.Range
	BlockRange    hcl.Range
	ModuleCalls   []graph.ModuleCall
	// Undetermined marks a check whose outcome depends on values known only
	// after apply. These are counted, and reported only under --strict.
	Undetermined bool
	// Suppression is set when the finding is suppressed (it is still reported, marked).
	Suppression *Suppression
}

// Suppression records why a finding is not failing.
type Suppression struct {
	// Kind is "inSource" (a comment) or "external" (config or baseline), as SARIF names them.
	Kind string
	// Source is "inline", "config" or "baseline".
	Source string
	Reason string
	// Expires is the :exp: date, "" if none.
	Expires string
	// Range is where the suppressing comment is, for inline ones.
	Range hcl.Range
}

// Suppressed answers whether the finding is suppressed.
func (f *Finding) Suppressed() bool { return f.Suppression != nil }
