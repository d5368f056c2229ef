package graph

import (
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// KnownAfterApply stands in a partial JSON document for a value not known
// before apply, as Terraform prints such values.
const KnownAfterApply = "(known after apply)"

// JSON returns the JSON document an attribute holds: its string value when
// known, else its jsonencode argument rendered with KnownAfterApply in place
// of each unknown value (partial is then true). ok is false when neither is
// available.
func (a *Attribute) JSON() (doc string, partial, ok bool) {
	if a == nil {
		return "", false, false
	}
	if s, known := StringOf(a.Value); known && a.Value.Type() == cty.String {
		return s, false, true
	}
	if a.Document == cty.NilVal || !a.Document.IsKnown() || a.Document.IsNull() {
		return "", false, false
	}
	filled, err := cty.Transform(a.Document, func(_ cty.Path, v cty.Value) (cty.Value, error) {
		if !v.IsKnown() {
			return cty.StringVal(KnownAfterApply), nil
		}
		return v, nil
	})
	if err != nil {
		return "", false, false
	}
	out, err := ctyjson.Marshal(filled, filled.Type())
	if err != nil {
		return "", false, false
	}
	return string(out), true, true
}
