package graph

import (
	"math/big"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// Tri is a three-valued answer. A static linter often cannot know a value before
// apply; rules report only what is definitely wrong, so every attribute question
// answers True, False or Unknown rather than guessing.
type Tri int8

const (
	Unknown Tri = iota
	False
	True
)

func (t Tri) String() string {
	switch t {
	case True:
		return "true"
	case False:
		return "false"
	}
	return "unknown"
}

// TriOf turns a known Go bool into a Tri.
func TriOf(b bool) Tri {
	if b {
		return True
	}
	return False
}

// Not negates t; Unknown stays Unknown.
func (t Tri) Not() Tri {
	switch t {
	case True:
		return False
	case False:
		return True
	}
	return Unknown
}

// And is Kleene conjunction: False wins over Unknown.
func And(ts ...Tri) Tri {
	out := True
	for _, t := range ts {
		if t == False {
			return False
		}
		if t == Unknown {
			out = Unknown
		}
	}
	return out
}

// Or is Kleene disjunction: True wins over Unknown.
func Or(ts ...Tri) Tri {
	out := False
	for _, t := range ts {
		if t == True {
			return True
		}
		if t == Unknown {
			out = Unknown
		}
	}
	return out
}

// BoolOf reads v as a Terraform bool. Strings "true"/"false" count because the
// provider schema types some flags as strings (launch template ebs.encrypted) and
// Terraform converts between the two.
func BoolOf(v cty.Value) Tri {
	if v == cty.NilVal || !v.IsWhollyKnown() {
		return Unknown
	}
	if v.IsNull() {
		return Unknown
	}
	switch {
	case v.Type() == cty.Bool:
		return TriOf(v.True())
	case v.Type() == cty.String:
		switch strings.ToLower(strings.TrimSpace(v.AsString())) {
		case "true", "1":
			return True
		case "false", "0":
			return False
		}
	case v.Type() == cty.Number:
		return TriOf(v.AsBigFloat().Sign() != 0)
	}
	return Unknown
}

// StringOf reads v as a known string; numbers and bools are converted as
// Terraform would.
func StringOf(v cty.Value) (string, bool) {
	if v == cty.NilVal || !v.IsWhollyKnown() || v.IsNull() {
		return "", false
	}
	switch v.Type() {
	case cty.String:
		return v.AsString(), true
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), true
	case cty.Bool:
		if v.True() {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

// NumberOf reads v as a known number; numeric strings are converted.
func NumberOf(v cty.Value) (*big.Float, bool) {
	if v == cty.NilVal || !v.IsWhollyKnown() || v.IsNull() {
		return nil, false
	}
	switch v.Type() {
	case cty.Number:
		return v.AsBigFloat(), true
	case cty.String:
		f, _, err := big.ParseFloat(strings.TrimSpace(v.AsString()), 10, 512, big.ToNearestEven)
		if err == nil {
			return f, true
		}
	}
	return nil, false
}

// IntOf reads v as a known integer (truncating).
func IntOf(v cty.Value) (int64, bool) {
	f, ok := NumberOf(v)
	if !ok {
		return 0, false
	}
	i, _ := f.Int64()
	return i, true
}
