package policies

import (
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Messages echo tenancy settings; anything that is not an enum-like word
// (free text, which could carry PHI) must not reach them.
func TestEnumLikeEchoesOnlySettings(t *testing.T) {
	for in, want := range map[string]string{
		"default":                "default",
		"dedicated":              "dedicated",
		"SYMMETRIC_DEFAULT":      "SYMMETRIC_DEFAULT",
		"aws:kms":                "aws:kms",
		"John Smith 123-45-6789": "…",
		"a b":                    "…",
		"patient@example.com":    "…",
		"x12345678901234567890123456789012345678901": "…",
	} {
		if got := enumLike(in); got != want {
			t.Errorf("enumLike(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOneOfDecidesOnlyWhenCandidatesAgree(t *testing.T) {
	yes := tenancyAnswer{answer: graph.True}
	no := tenancyAnswer{graph.False, "shared"}
	unk := tenancyAnswer{graph.Unknown, "outside"}
	cases := []struct {
		name string
		in   []tenancyAnswer
		want graph.Tri
	}{
		{"all dedicated", []tenancyAnswer{yes, yes}, graph.True},
		{"all shared", []tenancyAnswer{no, no}, graph.False},
		{"mixed", []tenancyAnswer{yes, no}, graph.Unknown},
		{"mixed the other way", []tenancyAnswer{no, yes}, graph.Unknown},
		{"one unknown", []tenancyAnswer{unk}, graph.Unknown},
		{"unknown among shared", []tenancyAnswer{no, unk}, graph.Unknown},
		{"none", nil, graph.Unknown},
	}
	for _, c := range cases {
		got := oneOf(c.in, "mixed")
		if got.answer != c.want {
			t.Errorf("%s: oneOf = %v, want %v", c.name, got.answer, c.want)
		}
		if got.answer == graph.False && got.why != "shared" {
			t.Errorf("%s: why = %q, want the candidates' reason", c.name, got.why)
		}
	}
}

// Ids of resources the configuration creates are unknown before apply; a
// known string is a literal id of something outside the configuration.
func TestLiteralOrUnknownIDs(t *testing.T) {
	ref := []graph.Ref{{Base: "aws_subnet.app", Attr: "id"}}
	cases := []struct {
		name string
		attr graph.Attribute
		want bool
	}{
		{"reference", graph.Attribute{Value: cty.UnknownVal(cty.String), Refs: ref}, false},
		{"literal id", graph.Attribute{Value: cty.StringVal("subnet-0abc")}, true},
		{"variable without value", graph.Attribute{Value: cty.DynamicVal}, true},
		{"list of references", graph.Attribute{Value: cty.TupleVal([]cty.Value{cty.UnknownVal(cty.String), cty.UnknownVal(cty.String)}), Refs: ref}, false},
		{"reference and literal", graph.Attribute{Value: cty.TupleVal([]cty.Value{cty.UnknownVal(cty.String), cty.StringVal("subnet-0abc")}), Refs: ref}, true},
		{"unknown list from a reference", graph.Attribute{Value: cty.UnknownVal(cty.List(cty.String)), Refs: ref}, false},
		{"empty string", graph.Attribute{Value: cty.StringVal("")}, false},
		{"null", graph.Attribute{Value: cty.NullVal(cty.String)}, false},
	}
	for _, c := range cases {
		if got := hasLiteralOrUnknownIDs(&c.attr); got != c.want {
			t.Errorf("%s: hasLiteralOrUnknownIDs = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDedicatedTenancyValue(t *testing.T) {
	for _, c := range []struct {
		v    cty.Value
		want graph.Tri
	}{
		{cty.StringVal("dedicated"), graph.True},
		{cty.StringVal("host"), graph.True},
		{cty.StringVal("default"), graph.False},
		{cty.UnknownVal(cty.String), graph.Unknown},
	} {
		if got := dedicatedTenancyValue(&graph.Attribute{Value: c.v}); got != c.want {
			t.Errorf("dedicatedTenancyValue(%#v) = %v, want %v", c.v, got, c.want)
		}
	}
	if got := dedicatedTenancyValue(nil); got != graph.False {
		t.Errorf("omitted tenancy = %v, want false (the default is \"default\")", got)
	}
}
