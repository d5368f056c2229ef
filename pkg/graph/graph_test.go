package graph

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func TestKleeneLogic(t *testing.T) {
	if And(True, Unknown) != Unknown || And(False, Unknown) != False || And() != True {
		t.Error("And")
	}
	if Or(False, Unknown) != Unknown || Or(True, Unknown) != True || Or() != False {
		t.Error("Or")
	}
	if Unknown.Not() != Unknown || True.Not() != False {
		t.Error("Not")
	}
}

func TestBoolOf(t *testing.T) {
	for _, tc := range []struct {
		v    cty.Value
		want Tri
	}{
		{cty.True, True},
		{cty.False, False},
		{cty.StringVal("true"), True}, // launch template ebs.encrypted is a string
		{cty.StringVal("FALSE"), False},
		{cty.StringVal("maybe"), Unknown},
		{cty.NumberIntVal(1), True},
		{cty.UnknownVal(cty.Bool), Unknown},
		{cty.DynamicVal, Unknown},
		{cty.NullVal(cty.Bool), Unknown},
		{cty.NilVal, Unknown},
	} {
		if got := BoolOf(tc.v); got != tc.want {
			t.Errorf("BoolOf(%#v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestProviderVersionAtLeast(t *testing.T) {
	for _, tc := range []struct {
		p    ProviderVersion
		want Tri
	}{
		{ProviderVersion{Locked: "6.0.0"}, True},
		{ProviderVersion{Locked: "5.99.1"}, False},
		{ProviderVersion{Locked: "5.99.1", Constraint: ">= 6.0"}, False}, // the lock file wins
		{ProviderVersion{Constraint: "~> 5.0"}, False},
		{ProviderVersion{Constraint: ">= 6.1, < 7.0"}, True},
		{ProviderVersion{Constraint: ">= 4.0"}, Unknown},
		{ProviderVersion{Constraint: "not a constraint"}, Unknown},
		{ProviderVersion{}, Unknown},
	} {
		if got := tc.p.AtLeast(6); got != tc.want {
			t.Errorf("%+v.AtLeast(6) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func res(module, typ, name string, key cty.Value, attrs map[string]*Attribute) *Resource {
	r := &Resource{Module: module, Type: typ, Name: name, Key: key, Body: &Block{Attrs: attrs}}
	r.Address = r.Base() + KeyString(key)
	if module != "" {
		r.Address = module + "." + typ + "." + name + KeyString(key)
	}
	return r
}

func TestResolveAndReferrers(t *testing.T) {
	subnet0 := res("", "aws_subnet", "app", cty.NumberIntVal(0), map[string]*Attribute{})
	subnet1 := res("", "aws_subnet", "app", cty.NumberIntVal(1), map[string]*Attribute{})
	toOne := &Attribute{Name: "subnet_id", Value: cty.UnknownVal(cty.String), Refs: []Ref{{Base: "aws_subnet.app", Key: cty.NumberIntVal(1), Attr: "id"}}}
	toAll := &Attribute{Name: "subnet_id", Value: cty.UnknownVal(cty.String), Refs: []Ref{{Base: "aws_subnet.app", Attr: "id"}}}
	one := res("", "aws_instance", "one", cty.NilVal, map[string]*Attribute{"subnet_id": toOne})
	all := res("module.web", "aws_instance", "all", cty.NilVal, map[string]*Attribute{"subnet_id": toAll})
	g := New("root", ProviderVersion{}, []*Resource{one, all, subnet1, subnet0})

	if got := g.Follow(toOne, "aws_subnet"); len(got) != 1 || got[0] != subnet1 {
		t.Errorf("a reference with a known key resolves to that instance: %v", got)
	}
	if got := g.Follow(toAll, "aws_subnet"); len(got) != 2 {
		t.Errorf("a reference without a key resolves to every instance: %v", got)
	}
	if got := g.Referrers(subnet0, "aws_instance"); len(got) != 1 || got[0].From != all {
		t.Errorf("subnet[0] is referred to only by the keyless reference: %+v", got)
	}
	if got := g.Referrers(subnet1, "aws_instance"); len(got) != 2 {
		t.Errorf("subnet[1] is referred to by both: %+v", got)
	}
	if got := g.OfType("aws_subnet"); len(got) != 2 || got[0] != subnet0 {
		t.Errorf("resources are sorted by key: %v", got)
	}
	if g.Resources[0].Module != "" || g.Resources[len(g.Resources)-1].Module != "module.web" {
		t.Error("resources are sorted by module first")
	}
}

func TestNullIsOmitted(t *testing.T) {
	b := &Block{Attrs: map[string]*Attribute{
		"kms_key_id": {Name: "kms_key_id", Value: cty.NullVal(cty.String)},
		"referenced": {Name: "referenced", Value: cty.NullVal(cty.String), Refs: []Ref{{Base: "aws_kms_key.k"}}},
		"unknown":    {Name: "unknown", Value: cty.UnknownVal(cty.String)},
	}}
	if b.Attr("kms_key_id") != nil {
		t.Error("a known null is omitted")
	}
	if b.Attr("referenced").IsSet() != True {
		t.Error("a reference counts as set")
	}
	if b.Attr("unknown").IsSet() != Unknown || b.Attr("missing").IsSet() != False {
		t.Error("IsSet of unknown and missing")
	}
}

func TestKeyStringAndNodes(t *testing.T) {
	for k, want := range map[string]cty.Value{`[3]`: cty.NumberIntVal(3), `["a\"b"]`: cty.StringVal(`a"b`), `[*]`: cty.DynamicVal, ``: cty.NilVal} {
		if got := KeyString(want); got != k {
			t.Errorf("KeyString(%#v) = %q, want %q", want, got, k)
		}
	}
	rng := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 2, Column: 3}}
	var n Node = &Attribute{Path: "root_block_device[0].encrypted", Range: rng}
	if n.NodePath() != "root_block_device[0].encrypted" || n.NodeRange() != rng {
		t.Error("Attribute as Node")
	}
}

func TestAttributeJSON(t *testing.T) {
	known := &Attribute{Value: cty.StringVal(`{"a":1}`)}
	if s, partial, ok := known.JSON(); !ok || partial || s != `{"a":1}` {
		t.Errorf("known string: %q %v %v", s, partial, ok)
	}
	doc := cty.ObjectVal(map[string]cty.Value{
		"Effect":   cty.StringVal("Deny"),
		"Resource": cty.UnknownVal(cty.String),
		"Enabled":  cty.UnknownVal(cty.Bool),
	})
	partialAttr := &Attribute{Value: cty.UnknownVal(cty.String), Document: doc}
	s, partial, ok := partialAttr.JSON()
	want := `{"Effect":"Deny","Enabled":"(known after apply)","Resource":"(known after apply)"}`
	if !ok || !partial || s != want {
		t.Errorf("partial document: %q %v %v, want %q", s, partial, ok, want)
	}
	for _, a := range []*Attribute{nil, {Value: cty.UnknownVal(cty.String)}, {Value: cty.UnknownVal(cty.String), Document: cty.DynamicVal}} {
		if _, _, ok := a.JSON(); ok {
			t.Errorf("no document to read in %+v", a)
		}
	}
}

func TestMemoBuildsOncePerGraphAndKey(t *testing.T) {
	type key struct{ name string }
	g1 := New("a", ProviderVersion{}, nil)
	g2 := New("b", ProviderVersion{}, nil)
	builds := 0
	build := func() any { builds++; return builds }
	if g1.Memo(key{"x"}, build) != 1 || g1.Memo(key{"x"}, build) != 1 {
		t.Error("the same key on the same graph must build once")
	}
	if g1.Memo(key{"y"}, build) != 2 || g2.Memo(key{"x"}, build) != 3 {
		t.Error("another key or another graph builds its own value")
	}
}

// Referrers lists edges in the order AllAttributes visits attributes, one
// per attribute and referenced base, whichever attributes carry references.
func TestReferrersFollowAllAttributesOrder(t *testing.T) {
	ref := func(bases ...string) []Ref {
		var out []Ref
		for _, b := range bases {
			out = append(out, Ref{Base: b})
		}
		return out
	}
	attr := func(name string, refs []Ref) *Attribute { return &Attribute{Name: name, Path: name, Refs: refs} }
	body := &Block{Attrs: map[string]*Attribute{
		"zeta":  attr("zeta", ref("aws_s3_bucket.a")),
		"alpha": attr("alpha", ref("aws_s3_bucket.a", "aws_kms_key.k", "aws_s3_bucket.a")),
		"mid":   attr("mid", nil),
		"beta":  attr("beta", ref("aws_kms_key.k")),
	}, Blocks: []*Block{
		{Attrs: map[string]*Attribute{"inner": attr("inner", ref("aws_s3_bucket.a")), "plain": attr("plain", nil)}},
		{Attrs: map[string]*Attribute{}},
	}}
	from := &Resource{Type: "aws_x", Name: "r", Body: body}
	target := &Resource{Type: "aws_s3_bucket", Name: "a", Body: &Block{Attrs: map[string]*Attribute{}}}
	key := &Resource{Type: "aws_kms_key", Name: "k", Body: &Block{Attrs: map[string]*Attribute{}}}
	g := New(".", ProviderVersion{}, []*Resource{target, from, key})

	want := map[string][]string{}
	body.AllAttributes(func(a *Attribute) {
		seen := map[string]bool{}
		for _, r := range a.Refs {
			if !seen[r.Base] {
				seen[r.Base] = true
				want[r.Base] = append(want[r.Base], a.Name)
			}
		}
	})
	targets := map[string]*Resource{"aws_s3_bucket.a": target, "aws_kms_key.k": key}
	for base, names := range want {
		var got []string
		for _, e := range g.Referrers(targets[base], "") {
			if e.From != from {
				t.Fatalf("edge to %s from %s", base, e.From.Address)
			}
			got = append(got, e.Attr.Name)
		}
		if strings.Join(got, ",") != strings.Join(names, ",") {
			t.Errorf("Referrers(%s) = %v, want %v", base, got, names)
		}
	}
	if len(want["aws_s3_bucket.a"]) != 3 || len(want["aws_kms_key.k"]) != 2 {
		t.Fatalf("fixture lost its shape: %v", want)
	}
}
