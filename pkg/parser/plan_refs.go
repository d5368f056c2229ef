package parser

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// planMaxRefDepth bounds how far references are followed through module
// inputs and outputs; it also stops a cycle in a malformed configuration.
const planMaxRefDepth = 16

// refs turns an expression's `references` into edges to resources. Terraform
// lists each reference from the most to the least specific
// (["aws_subnet.a[0].id", "aws_subnet.a[0]", "aws_subnet.a"]); the less
// specific forms add nothing and are dropped. A reference to var.x inside a
// module follows the caller's argument, and one to module.m.out follows the
// output's own references, so an edge reaches the resource behind them.
func (b *planBuilder) refs(refStrs []string, modAddr string, cm *planCfgModule, depth int) []graph.Ref {
	if depth > planMaxRefDepth {
		return nil
	}
	var out []graph.Ref
	for _, s := range refStrs {
		trav, diags := hclsyntax.ParseTraversalAbs([]byte(s), "", hcl.InitialPos)
		if diags.HasErrors() || len(trav) < 2 {
			continue
		}
		switch trav.RootName() {
		case "var":
			out = append(out, b.varRefs(trav, modAddr, cm, depth)...)
		case "module":
			out = append(out, b.moduleOutputRefs(trav, modAddr, cm, depth)...)
		case "local", "count", "each", "path", "terraform", "self":
			// Not resources; the plan does not say what locals hold.
		case "data":
			if ref, ok := planResourceRef(trav[1:], "data.", modAddr); ok {
				out = planAddRef(out, ref)
			}
		default:
			if ref, ok := planResourceRef(trav, "", modAddr); ok {
				out = planAddRef(out, ref)
			}
		}
	}
	return out
}

// planResourceRef reads TYPE.NAME[key].attr from steps (the first step
// naming the type, as root or attribute).
func planResourceRef(steps hcl.Traversal, prefix, modAddr string) (graph.Ref, bool) {
	if len(steps) < 2 {
		return graph.Ref{}, false
	}
	typ := planStepName(steps[0])
	name, ok := steps[1].(hcl.TraverseAttr)
	if typ == "" || !ok {
		return graph.Ref{}, false
	}
	ref := graph.Ref{Base: prefix + typ + "." + name.Name, Key: cty.NilVal}
	if modAddr != "" {
		ref.Base = modAddr + "." + ref.Base
	}
	rest := steps[2:]
	if len(rest) > 0 {
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			if idx.Key.IsKnown() && !idx.Key.IsNull() && (idx.Key.Type() == cty.Number || idx.Key.Type() == cty.String) {
				ref.Key = idx.Key
			}
			rest = rest[1:]
		}
	}
	if len(rest) > 0 {
		if a, ok := rest[0].(hcl.TraverseAttr); ok {
			ref.Attr = a.Name
		}
	}
	return ref, true
}

func planStepName(t hcl.Traverser) string {
	switch s := t.(type) {
	case hcl.TraverseRoot:
		return s.Name
	case hcl.TraverseAttr:
		return s.Name
	}
	return ""
}

// planAddRef appends ref unless an edge already there says as much or more.
func planAddRef(refs []graph.Ref, ref graph.Ref) []graph.Ref {
	for _, have := range refs {
		if have.Base != ref.Base {
			continue
		}
		keyCovered := ref.Key == cty.NilVal || (have.Key != cty.NilVal && graph.KeyString(have.Key) == graph.KeyString(ref.Key))
		attrCovered := ref.Attr == "" || have.Attr == ref.Attr
		if keyCovered && attrCovered {
			return refs
		}
	}
	return append(refs, ref)
}

// varRefs follows var.x inside a child module to what its caller passes.
func (b *planBuilder) varRefs(trav hcl.Traversal, modAddr string, cm *planCfgModule, depth int) []graph.Ref {
	if cm == nil || cm.call == nil || cm.parent == nil || modAddr == "" {
		return nil
	}
	name, ok := trav[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	arg := cm.call.Expressions[name.Name]
	if arg == nil || arg.ExpressionData == nil || len(arg.References) == 0 {
		return nil
	}
	return b.refs(arg.References, planParentModule(modAddr), cm.parent, depth+1)
}

// moduleOutputRefs follows module.m[key].out to the references of the
// output's expression, in every instance the reference may mean.
func (b *planBuilder) moduleOutputRefs(trav hcl.Traversal, modAddr string, cm *planCfgModule, depth int) []graph.Ref {
	name, ok := trav[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	rest := trav[2:]
	key := cty.NilVal
	if len(rest) > 0 {
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			key = idx.Key
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		return nil
	}
	outName, ok := rest[0].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	child := cm.child(name.Name)
	if child == nil || child.mod == nil {
		return nil
	}
	output := child.mod.Outputs[outName.Name]
	if output == nil || output.Expression == nil || output.Expression.ExpressionData == nil {
		return nil
	}
	base := "module." + name.Name
	if modAddr != "" {
		base = modAddr + "." + base
	}
	var instances []string
	switch {
	case key != cty.NilVal && key.IsKnown() && !key.IsNull() && (key.Type() == cty.Number || key.Type() == cty.String):
		instances = []string{base + graph.KeyString(key)}
	case child.call != nil && (child.call.CountExpression != nil || child.call.ForEachExpression != nil):
		instances = b.instancesOf(base)
	default:
		instances = []string{base}
	}
	var out []graph.Ref
	for _, inst := range instances {
		for _, ref := range b.refs(output.Expression.References, inst, child, depth+1) {
			out = planAddRef(out, ref)
		}
	}
	return out
}

// instancesOf returns the instance addresses of a module call with count or
// for_each (base is `module.x` without a key).
func (b *planBuilder) instancesOf(base string) []string {
	var out []string
	for _, addr := range b.moduleInstances {
		if strings.HasPrefix(addr, base+"[") && !strings.Contains(addr[len(base):], "].module.") {
			out = append(out, addr)
		}
	}
	return out
}

// planParentModule strips the last module call from a module instance address.
func planParentModule(addr string) string {
	segs := planParseModuleAddr(addr)
	if len(segs) < 2 {
		return ""
	}
	return segs[len(segs)-2].addr
}

// planInstanceRefs narrows references to the instance an index expression
// names. The plan lists `aws_s3_bucket.b[count.index].id` only as
// "aws_s3_bucket.b", which would mean every bucket; with the source beside
// the plan, the index evaluates with this instance's count.index or
// each.key, as Terraform does.
func planInstanceRefs(refs []graph.Ref, expr hclsyntax.Expression, ctx *planResCtx) []graph.Ref {
	ectx := &hcl.EvalContext{Variables: map[string]cty.Value{}}
	if ctx.key.IsKnown() && !ctx.key.IsNull() {
		switch ctx.key.Type() {
		case cty.Number:
			ectx.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": ctx.key})
		case cty.String:
			ectx.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": ctx.key, "value": cty.DynamicVal})
		}
	}
	type indexed struct {
		key  cty.Value
		attr string
	}
	found := map[string]indexed{}
	attrs := map[*hclsyntax.IndexExpr]string{}
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.RelativeTraversalExpr:
			if ix, ok := e.Source.(*hclsyntax.IndexExpr); ok && len(e.Traversal) > 0 {
				if a, ok := e.Traversal[0].(hcl.TraverseAttr); ok {
					attrs[ix] = a.Name
				}
			}
		case *hclsyntax.IndexExpr:
			st, ok := e.Collection.(*hclsyntax.ScopeTraversalExpr)
			if !ok {
				return nil
			}
			local := planTraversalResource(st.Traversal)
			if local == "" {
				return nil
			}
			k, diags := e.Key.Value(ectx)
			if diags.HasErrors() || !k.IsKnown() || k.IsNull() || (k.Type() != cty.Number && k.Type() != cty.String) {
				return nil
			}
			found[local] = indexed{key: k, attr: attrs[e]}
		}
		return nil
	})
	if len(found) == 0 {
		return refs
	}
	out := make([]graph.Ref, len(refs))
	copy(out, refs)
	for i, ref := range out {
		if ref.Key != cty.NilVal {
			continue
		}
		local := ref.Base
		if ctx.modAddr != "" {
			local = strings.TrimPrefix(local, ctx.modAddr+".")
		}
		if ix, ok := found[local]; ok {
			out[i].Key = ix.key
			if out[i].Attr == "" {
				out[i].Attr = ix.attr
			}
		}
	}
	return out
}

// planTraversalResource is the resource a traversal names without index:
// "aws_x.y" or "data.aws_x.y"; "" for anything else.
func planTraversalResource(t hcl.Traversal) string {
	if len(t) < 2 {
		return ""
	}
	name, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return ""
	}
	switch t.RootName() {
	case "var", "local", "module", "count", "each", "path", "terraform", "self":
		return ""
	case "data":
		if len(t) != 3 {
			return ""
		}
		n, ok := t[2].(hcl.TraverseAttr)
		if !ok {
			return ""
		}
		return "data." + name.Name + "." + n.Name
	}
	if len(t) != 2 {
		return ""
	}
	return t.RootName() + "." + name.Name
}
