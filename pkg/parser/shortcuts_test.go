package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/internal/corpus"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// TestShortcutsChangeNothing loads every HCL fixture, the examples and a
// generated corpus with the evaluation shortcuts on and off: the graphs
// must be the same in every value, reference, path and range.
func TestShortcutsChangeNothing(t *testing.T) {
	gen := t.TempDir()
	if _, _, err := corpus.Generate(gen, 12); err != nil {
		t.Fatal(err)
	}
	dirs := []string{gen, filepath.Join("..", "..", "examples"), filepath.Join("..", "policies", "testdata")}
	entries, err := os.ReadDir(filepath.Join("testdata", "hcl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join("testdata", "hcl", e.Name()))
		}
	}
	defer func() { shortcuts = true }()
	resources := 0
	for _, dir := range dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		shortcuts = true
		fast := dumpLoad(abs)
		shortcuts = false
		slow := dumpLoad(abs)
		if fast != slow {
			t.Errorf("%s: graphs differ with the shortcuts:\n%s", dir, firstDifference(fast, slow))
		}
		resources += strings.Count(fast, "\nres ")
	}
	if resources < 1000 {
		t.Errorf("only %d resources loaded; the comparison proves little", resources)
	}
}

func dumpLoad(dir string) string {
	res := Load([]string{dir}, Options{WorkDir: dir})
	var b strings.Builder
	for _, d := range res.Diags {
		fmt.Fprintf(&b, "diag %s\n", d.Error())
	}
	for _, g := range res.Graphs {
		fmt.Fprintf(&b, "graph %s %+v\n", g.Root, g.Provider)
		for _, r := range g.Resources {
			fmt.Fprintf(&b, "res %s %q %s.%s %d %s %s %s\n", r.Address, r.Module, r.Type, r.Name, r.Mode, dumpValue(r.Key), r.DeclRange, r.BlockRange)
			for _, c := range r.ModuleCalls {
				fmt.Fprintf(&b, "  call %s %s %s %s\n", c.Name, c.Address, c.DeclRange, c.BlockRange)
			}
			dumpBlock(&b, "  ", r.Body)
		}
	}
	return b.String()
}

func dumpBlock(b *strings.Builder, indent string, blk *graph.Block) {
	fmt.Fprintf(b, "%sblock %s %q %q unknown=%v %s\n", indent, blk.Type, blk.Labels, blk.Path, blk.Unknown, blk.Range)
	names := make([]string, 0, len(blk.Attrs))
	for n := range blk.Attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := blk.Attrs[n]
		fmt.Fprintf(b, "%s  %s %s %q %s = %s\n", indent, n, a.Name, a.Path, a.Range, dumpValue(a.Value))
		for _, r := range a.Refs {
			fmt.Fprintf(b, "%s    ref %s %s %q\n", indent, r.Base, dumpValue(r.Key), r.Attr)
		}
		if a.Document != cty.NilVal {
			fmt.Fprintf(b, "%s    document %s\n", indent, dumpValue(a.Document))
		}
	}
	for _, nb := range blk.Blocks {
		dumpBlock(b, indent+"  ", nb)
	}
}

// dumpValue writes a value with its type, unknowns and refinements.
func dumpValue(v cty.Value) string {
	if v == cty.NilVal {
		return "nil"
	}
	return v.GoString()
}

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  with:    %s\n  without: %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// TestTraverseMatchesHCL holds traverse, which the one-reference shortcut
// uses, to hcl's own traversal on every kind of value a step can meet.
func TestTraverseMatchesHCL(t *testing.T) {
	obj := cty.ObjectVal(map[string]cty.Value{
		"s":    cty.StringVal("v"),
		"n":    cty.NullVal(cty.String),
		"u":    cty.UnknownVal(cty.String),
		"o":    cty.ObjectVal(map[string]cty.Value{"k": cty.True}),
		"no":   cty.NullVal(cty.Object(map[string]cty.Type{"k": cty.Bool})),
		"uo":   cty.UnknownVal(cty.Object(map[string]cty.Type{"k": cty.Bool})),
		"m":    cty.MapVal(map[string]cty.Value{"a": cty.StringVal("x")}),
		"l":    cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"k": cty.False})}),
		"t":    cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.NumberIntVal(2)}),
		"d":    cty.DynamicVal,
		"tags": cty.ObjectVal(map[string]cty.Value{"Name": cty.StringVal("n")}),
	})
	traversals := []string{
		"x", "x.s", "x.n", "x.u", "x.missing", "x.o.k", "x.o.missing", "x.no.k", "x.uo.k",
		"x.m.a", "x.m.b", "x.l.k", "x.l[0].k", "x.l[1]", "x.t[0]", "x.t[1]", "x.t[5]",
		"x.d.any.thing", "x.s.k", "x.tags.Name", `x.tags["Name"]`, "x.n.k", "x[0]",
	}
	for _, src := range traversals {
		trav, diags := hclsyntax.ParseTraversalAbs([]byte(src), "t.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags.Error())
		}
		want, wdiags := trav.TraverseAbs(&hcl.EvalContext{Variables: map[string]cty.Value{"x": obj}})
		if wdiags.HasErrors() {
			want = cty.DynamicVal
		}
		got := traverse(obj, trav[1:])
		if !got.RawEquals(want) {
			t.Errorf("%s: traverse gives %#v, hcl gives %#v", src, got, want)
		}
	}
}

// TestExprVariablesMatchesHCL holds exprVariables to hcl's Variables, order
// included (references are listed in it), on every expression of the
// fixtures, the examples, a generated corpus and shapes written for it.
func TestExprVariablesMatchesHCL(t *testing.T) {
	const shapes = `
a = [for k, v in var.m : "${k}-${v}-${local.x}" if v != var.skip]
b = { for k in local.ks : k => upper(k) }
c = var.on ? aws_s3_bucket.b[0].arn : data.aws_iam_policy_document.d.json
d = { name = 1, (var.key) = 2, "${local.k}" = 3, null = 4, true = var.t }
e = aws_instance.web[*].id
f = -var.n + (local.a * 2) - count.index
g = <<EOT
%{ for s in var.list ~}
${s}-${each.key}
%{ endfor ~}
${local.tail}
EOT
h = merge(local.tags, { Name = each.value.name }, module.m.out)
i = [var.a, [local.b, { c = path.module }]][0]
j = local.m[var.k].attr
k = !var.b
l = jsonencode({ Statement = [{ Resource = aws_s3_bucket.b.arn }] })
m = [for x in var.xs : x.id][0]
`
	sources := map[string][]byte{"shapes.tf": []byte(shapes)}
	gen := t.TempDir()
	if _, _, err := corpus.Generate(gen, 4); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{gen, filepath.Join("..", "..", "examples"), filepath.Join("..", "policies", "testdata"), filepath.Join("testdata", "hcl")} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tf") {
				data, rerr := os.ReadFile(p)
				if rerr != nil {
					return rerr
				}
				sources[p] = data
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	exprs := 0
	var check func(body *hclsyntax.Body)
	check = func(body *hclsyntax.Body) {
		for _, a := range body.Attributes {
			exprs++
			want := a.Expr.Variables()
			got := exprVariables(a.Expr)
			if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
				t.Errorf("%s: exprVariables gives %d traversals, hcl %d", a.SrcRange, len(got), len(want))
			}
		}
		for _, b := range body.Blocks {
			check(b.Body)
		}
	}
	for name, src := range sources {
		f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if f == nil {
			t.Fatalf("%s: %s", name, diags.Error())
		}
		check(f.Body.(*hclsyntax.Body))
	}
	if exprs < 1000 {
		t.Errorf("only %d expressions compared", exprs)
	}
}

// TestDedupeRefsByComparison holds the pairwise path of dedupeRefs (eight
// references or fewer) to the keyed one it replaced: same references kept,
// first of each, in order.
func TestDedupeRefsByComparison(t *testing.T) {
	keys := []cty.Value{cty.NilVal, cty.NumberIntVal(0), cty.NumberIntVal(1), cty.StringVal("0"), cty.StringVal("a"), cty.UnknownVal(cty.String), cty.UnknownVal(cty.Number)}
	var pool []graph.Ref
	for _, base := range []string{"aws_s3_bucket.a", "module.m.aws_s3_bucket.a"} {
		for _, k := range keys {
			for _, attr := range []string{"", "arn"} {
				pool = append(pool, graph.Ref{Base: base, Key: k, Attr: attr})
			}
		}
	}
	keyed := func(refs []graph.Ref) []graph.Ref {
		seen := map[string]bool{}
		var out []graph.Ref
		for _, r := range refs {
			k := r.Base + "\x00" + graph.KeyString(r.Key) + "\x00" + r.Attr
			if !seen[k] {
				seen[k] = true
				out = append(out, r)
			}
		}
		return out
	}
	for seed := 0; seed < 2000; seed++ {
		n := 2 + seed%7
		refs := make([]graph.Ref, n)
		for i := range refs {
			refs[i] = pool[(seed*7+i*13+i*i*seed)%len(pool)]
		}
		got, want := dedupeRefs(append([]graph.Ref(nil), refs...)), keyed(refs)
		if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("%v: got %v, want %v", refs, got, want)
		}
	}
}
