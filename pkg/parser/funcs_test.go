package parser

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestFunctionTable checks the functions written here (not taken from
// go-cty) against Terraform's documented results.
func TestFunctionTable(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want cty.Value // cty.NilVal: evaluation must fail
	}{
		{`cidrsubnet("10.1.2.0/24", 4, 15)`, cty.StringVal("10.1.2.240/28")},
		{`cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`, cty.StringVal("fd00:fd12:3456:7800:a200::/72")},
		{`cidrsubnet("10.0.0.0/30", 4, 0)`, cty.NilVal},
		{`cidrhost("10.12.112.0/20", 268)`, cty.StringVal("10.12.113.12")},
		{`cidrhost("10.12.112.0/20", -1)`, cty.StringVal("10.12.127.255")},
		{`cidrnetmask("172.16.0.0/12")`, cty.StringVal("255.240.0.0")},
		{`cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`, cty.ListVal([]cty.Value{cty.StringVal("10.1.0.0/20"), cty.StringVal("10.1.16.0/20"), cty.StringVal("10.1.32.0/24"), cty.StringVal("10.1.48.0/20")})},
		{`transpose({a = ["1", "2"], b = ["2", "3"]})`, cty.MapVal(map[string]cty.Value{
			"1": cty.ListVal([]cty.Value{cty.StringVal("a")}),
			"2": cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")}),
			"3": cty.ListVal([]cty.Value{cty.StringVal("b")}),
		})},
		{`matchkeys(["i-1", "i-2", "i-3"], ["us-west", "us-east", "us-east"], ["us-east"])`, cty.ListVal([]cty.Value{cty.StringVal("i-2"), cty.StringVal("i-3")})},
		{`index(["a", "b", "c"], "c")`, cty.NumberIntVal(2)},
		{`index(["a"], "z")`, cty.NilVal},
		{`one([])`, cty.NullVal(cty.DynamicPseudoType)},
		{`one(["x", "y"])`, cty.NilVal},
		{`sum([1.5, 2.5])`, cty.NumberIntVal(4)},
		{`alltrue([])`, cty.True},
		{`anytrue([false, true])`, cty.True},
		{`anytrue([])`, cty.False},
		{`endswith("hello", "llo")`, cty.True},
		{`strcontains("hello", "ell")`, cty.True},
		{`startswith("hello", "x")`, cty.False},
		{`replace("1 + 2 + 3", "+", "-")`, cty.StringVal("1 - 2 - 3")},
		{`replace("hello world", "/w.*d/", "everybody")`, cty.StringVal("hello everybody")},
		{`length("héllo")`, cty.NumberIntVal(5)},
		{`length([1, 2])`, cty.NumberIntVal(2)},
		{`md5("hello world")`, cty.StringVal("5eb63bbbe01eeed093cb22bb8f5acdc3")},
		{`sha1("hello world")`, cty.StringVal("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")},
		{`basename("foo/bar/baz.txt")`, cty.StringVal("baz.txt")},
		{`dirname("foo/bar/baz.txt")`, cty.StringVal("foo/bar")},
		{`yamldecode("a: [1, true, null, x]")`, cty.ObjectVal(map[string]cty.Value{"a": cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.True, cty.NullVal(cty.DynamicPseudoType), cty.StringVal("x")})})},
	} {
		t.Run(tc.expr, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tc.expr), "t.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			got, diags := expr.Value(&hcl.EvalContext{Functions: stdFuncs()})
			if tc.want == cty.NilVal {
				if !diags.HasErrors() {
					t.Errorf("= %#v, want an error", got)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if !got.RawEquals(tc.want) && !(got.Type().Equals(tc.want.Type()) && got.Equals(tc.want).True()) {
				t.Errorf("= %#v, want %#v", got, tc.want)
			}
		})
	}
}
