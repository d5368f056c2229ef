package plangen

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// cfgModule is one module of the plan's `configuration`.
type cfgModule struct {
	Outputs     map[string]*cfgOutput `json:"outputs,omitempty"`
	Resources   []*cfgResource        `json:"resources,omitempty"`
	ModuleCalls map[string]*cfgCall   `json:"module_calls,omitempty"`

	name     string
	parent   *cfgModule
	call     *graph.ModuleCall // the call's ranges, when the loader gave them
	dir      string            // the module's source directory; "" when unknown
	byAddr   map[string]*cfgResource
	children map[string]*cfgModule
	order    []string
}

type cfgResource struct {
	Address           string         `json:"address"`
	Mode              string         `json:"mode"`
	Type              string         `json:"type"`
	Name              string         `json:"name"`
	ProviderConfigKey string         `json:"provider_config_key"`
	Expressions       map[string]any `json:"expressions,omitempty"`
	SchemaVersion     int            `json:"schema_version"`
	CountExpression   any            `json:"count_expression,omitempty"`
	ForEachExpression any            `json:"for_each_expression,omitempty"`
}

type cfgCall struct {
	Source            string         `json:"source"`
	Expressions       map[string]any `json:"expressions,omitempty"`
	CountExpression   any            `json:"count_expression,omitempty"`
	ForEachExpression any            `json:"for_each_expression,omitempty"`
	Module            *cfgModule     `json:"module"`
}

type cfgOutput struct {
	Expression any `json:"expression"`
}

// module returns the configuration module a resource's calls lead to.
func (gen *generator) module(calls []moduleCall) *cfgModule {
	m := gen.modules[""]
	if m == nil {
		m = &cfgModule{byAddr: map[string]*cfgResource{}, children: map[string]*cfgModule{}}
		gen.modules[""] = m
	}
	for _, c := range calls {
		child := m.children[c.name]
		if child == nil {
			child = &cfgModule{name: c.name, parent: m, byAddr: map[string]*cfgResource{}, children: map[string]*cfgModule{}}
			m.children[c.name] = child
			m.order = append(m.order, c.name)
		}
		if child.call == nil && c.call.DeclRange.Filename != "" {
			mc := c.call
			child.call = &mc
			if m.dir == "" && isSource(mc.DeclRange.Filename) {
				m.dir = path.Dir(mc.DeclRange.Filename)
			}
		}
		m = child
	}
	return m
}

func isSource(name string) bool {
	return strings.HasSuffix(name, ".tf")
}

// addResource records r's configuration: its expressions, which tell a
// plan reader what the configuration sets.
func (m *cfgModule) addResource(gen *generator, r *graph.Resource) {
	if m.dir == "" && isSource(r.DeclRange.Filename) {
		m.dir = path.Dir(r.DeclRange.Filename)
	}
	local := r.Type + "." + r.Name
	if r.Mode == graph.Data {
		local = "data." + local
	}
	cr := m.byAddr[local]
	if cr == nil {
		cr = &cfgResource{Address: local, Mode: modeName(r), Type: r.Type, Name: r.Name, ProviderConfigKey: "aws", Expressions: map[string]any{}}
		if blk := gen.src.block(r.DeclRange); blk != nil {
			if a := blk.Body.Attributes["count"]; a != nil {
				cr.CountExpression = gen.src.exprJSON(a.Expr, cty.NilVal)
			}
			if a := blk.Body.Attributes["for_each"]; a != nil {
				cr.ForEachExpression = gen.src.exprJSON(a.Expr, cty.NilVal)
			}
		}
		if cr.CountExpression == nil && cr.ForEachExpression == nil && r.Key != cty.NilVal {
			if r.Key.Type() == cty.String {
				cr.ForEachExpression = map[string]any{}
			} else {
				cr.CountExpression = map[string]any{}
			}
		}
		m.byAddr[local] = cr
		m.Resources = append(m.Resources, cr)
	}
	// Instances share one configuration; an argument one instance sets
	// (a conditional null elsewhere) is still written in it.
	gen.blockExprs(r, r.Body, cr.Expressions)
}

// blockExprs adds the expressions of a block's attributes and nested blocks.
func (gen *generator) blockExprs(r *graph.Resource, b *graph.Block, into map[string]any) {
	for name, a := range b.Attrs {
		if _, ok := into[name]; !ok {
			into[name] = gen.attrExpr(r, a)
		}
	}
	types, byType := blocksByType(b)
	for _, typ := range types {
		if _, ok := into[typ]; ok {
			continue
		}
		var list []any
		for _, nb := range byType[typ] {
			exprs := map[string]any{}
			gen.blockExprs(r, nb, exprs)
			list = append(list, exprs)
		}
		into[typ] = list
	}
}

// attrExpr is an attribute's configuration expression: its references as
// Terraform lists them when there are any, else its constant value.
func (gen *generator) attrExpr(r *graph.Resource, a *graph.Attribute) map[string]any {
	if sa := gen.src.attr(a.Range); sa != nil {
		return gen.src.exprJSON(sa.Expr, a.Value, gen.src.iterators[posKey{a.Range.Filename, a.Range.Start.Byte}]...)
	}
	// Without the source, only references inside the resource's own
	// module can be written the way the configuration would name them.
	var refs []string
	prefix := ""
	if r.Module != "" {
		prefix = r.Module + "."
	}
	for _, ref := range a.Refs {
		if prefix != "" && !strings.HasPrefix(ref.Base, prefix) {
			continue
		}
		local := strings.TrimPrefix(ref.Base, prefix)
		if strings.HasPrefix(local, "module.") {
			continue
		}
		refs = appendRefForms(refs, local, graph.KeyString(ref.Key), ref.Attr)
	}
	if len(refs) > 0 {
		return map[string]any{"references": refs}
	}
	return constantExpr(a.Value)
}

func constantExpr(v cty.Value) map[string]any {
	val, unk := ctyJSON(v)
	if unk != nil {
		return map[string]any{}
	}
	return map[string]any{"constant_value": val}
}

// appendRefForms adds a reference the way Terraform's JSON lists it: the
// full form first, then each shorter one (`aws_x.y[0].id`, `aws_x.y[0]`, `aws_x.y`).
func appendRefForms(refs []string, base, key, attr string) []string {
	add := func(s string) {
		for _, have := range refs {
			if have == s {
				return
			}
		}
		refs = append(refs, s)
	}
	if attr != "" {
		add(base + key + "." + attr)
	}
	if key != "" {
		add(base + key)
	}
	add(base)
	return refs
}

// finishModules writes each module call into its parent: source directory,
// argument expressions, and the module's outputs.
func (gen *generator) finishModules() error {
	var walk func(m *cfgModule)
	walk = func(m *cfgModule) {
		if outs := gen.src.outputs(m.dir); len(outs) > 0 {
			m.Outputs = map[string]*cfgOutput{}
			for name, a := range outs {
				m.Outputs[name] = &cfgOutput{Expression: gen.src.exprJSON(a.Expr, cty.NilVal)}
			}
		}
		sort.Slice(m.Resources, func(i, j int) bool { return m.Resources[i].Address < m.Resources[j].Address })
		for _, name := range m.order {
			child := m.children[name]
			walk(child)
			call := &cfgCall{Source: "./modules/" + name, Module: child}
			if m.dir != "" && child.dir != "" {
				call.Source = relSource(m.dir, child.dir)
			}
			if child.call != nil {
				if blk := gen.src.block(child.call.DeclRange); blk != nil {
					call.Expressions = map[string]any{}
					for an, a := range blk.Body.Attributes {
						switch an {
						case "source", "version", "providers", "depends_on":
						case "count":
							call.CountExpression = gen.src.exprJSON(a.Expr, cty.NilVal)
						case "for_each":
							call.ForEachExpression = gen.src.exprJSON(a.Expr, cty.NilVal)
						default:
							call.Expressions[an] = gen.src.exprJSON(a.Expr, cty.NilVal)
						}
					}
				}
			}
			if m.ModuleCalls == nil {
				m.ModuleCalls = map[string]*cfgCall{}
			}
			m.ModuleCalls[name] = call
		}
	}
	walk(gen.modules[""])
	return nil
}

// relSource is a module source path from the caller's directory, written
// as Terraform requires local sources (`./x` or `../x`).
func relSource(from, to string) string {
	fromParts := strings.Split(path.Clean(from), "/")
	toParts := strings.Split(path.Clean(to), "/")
	if path.Clean(from) == "." {
		fromParts = nil
	}
	i := 0
	for i < len(fromParts) && i < len(toParts) && fromParts[i] == toParts[i] {
		i++
	}
	var parts []string
	for range fromParts[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, toParts[i:]...)
	rel := strings.Join(parts, "/")
	if strings.HasPrefix(rel, "..") {
		return rel
	}
	return "./" + rel
}

// sourceIndex finds the syntax behind graph ranges in the loader's files.
type sourceIndex struct {
	attrs map[posKey]*hclsyntax.Attribute
	// iterators are the names `dynamic` blocks bind around an attribute
	// (`setting.value`): local symbols, not references.
	iterators map[posKey][]string
	blocks    map[posKey]*hclsyntax.Block
	outsByDir map[string]map[string]*hclsyntax.Attribute // dir → output name → value
}

type posKey struct {
	file string
	pos  int
}

func newSourceIndex(files map[string][]byte) *sourceIndex {
	s := &sourceIndex{attrs: map[posKey]*hclsyntax.Attribute{}, iterators: map[posKey][]string{}, blocks: map[posKey]*hclsyntax.Block{}, outsByDir: map[string]map[string]*hclsyntax.Attribute{}}
	names := make([]string, 0, len(files))
	for n := range files {
		if isSource(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		f, _ := hclsyntax.ParseConfig(files[n], n, hcl.InitialPos)
		if f == nil {
			continue
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		s.indexBody(n, body, nil)
		for _, blk := range body.Blocks {
			if blk.Type == "output" && len(blk.Labels) == 1 {
				if v := blk.Body.Attributes["value"]; v != nil {
					dir := path.Dir(n)
					if s.outsByDir[dir] == nil {
						s.outsByDir[dir] = map[string]*hclsyntax.Attribute{}
					}
					s.outsByDir[dir][blk.Labels[0]] = v
				}
			}
		}
	}
	return s
}

func (s *sourceIndex) indexBody(file string, body *hclsyntax.Body, iterators []string) {
	for _, a := range body.Attributes {
		k := posKey{file, a.SrcRange.Start.Byte}
		s.attrs[k] = a
		if len(iterators) > 0 {
			s.iterators[k] = iterators
		}
	}
	for _, blk := range body.Blocks {
		s.blocks[posKey{file, blk.TypeRange.Start.Byte}] = blk
		inner := iterators
		if blk.Type == "dynamic" && len(blk.Labels) == 1 {
			name := blk.Labels[0]
			if it := blk.Body.Attributes["iterator"]; it != nil {
				if kw := hcl.ExprAsKeyword(it.Expr); kw != "" {
					name = kw
				}
			}
			inner = append(append([]string(nil), iterators...), name)
		}
		s.indexBody(file, blk.Body, inner)
	}
}

func (s *sourceIndex) attr(r hcl.Range) *hclsyntax.Attribute {
	if r.Filename == "" {
		return nil
	}
	a := s.attrs[posKey{r.Filename, r.Start.Byte}]
	if a == nil || a.SrcRange.End.Byte != r.End.Byte {
		return nil
	}
	return a
}

func (s *sourceIndex) block(r hcl.Range) *hclsyntax.Block {
	if r.Filename == "" {
		return nil
	}
	return s.blocks[posKey{r.Filename, r.Start.Byte}]
}

func (s *sourceIndex) outputs(dir string) map[string]*hclsyntax.Attribute {
	if dir == "" {
		return nil
	}
	return s.outsByDir[dir]
}

// exprJSON renders an expression as the plan's configuration does:
// references when it has any, else its constant value when known.
func (s *sourceIndex) exprJSON(expr hclsyntax.Expression, value cty.Value, locals ...string) map[string]any {
	travs := expr.Variables()
	if len(locals) > 0 {
		kept := travs[:0:0]
		for _, t := range travs {
			if !slices.Contains(locals, t.RootName()) {
				kept = append(kept, t)
			}
		}
		travs = kept
	}
	if refs := renderRefs(travs); len(refs) > 0 {
		return map[string]any{"references": refs}
	}
	if value == cty.NilVal {
		v, diags := expr.Value(nil)
		if diags.HasErrors() {
			return map[string]any{}
		}
		value = v
	}
	return constantExpr(value)
}

// inputRoots are the references whose value the plan reader cannot follow
// to a resource: an unknown value behind them came from an input.
var inputRoots = map[string]bool{"var": true, "local": true}

// dependsOnInput answers whether an unknown attribute without resource
// references gets its value from an input. Without its source that cannot
// be ruled out.
func (s *sourceIndex) dependsOnInput(a *graph.Attribute) bool {
	sa := s.attr(a.Range)
	if sa == nil {
		return true
	}
	for _, t := range sa.Expr.Variables() {
		if inputRoots[t.RootName()] {
			return true
		}
	}
	return false
}

// dynamicDependsOnInput answers the same for a `dynamic` block whose
// collection is unknown.
func (s *sourceIndex) dynamicDependsOnInput(b *graph.Block) bool {
	blk := s.block(b.Range)
	if blk == nil {
		return true
	}
	fe := blk.Body.Attributes["for_each"]
	if fe == nil {
		return true
	}
	for _, t := range fe.Expr.Variables() {
		if inputRoots[t.RootName()] {
			return true
		}
	}
	return false
}

// renderRefs lists an expression's references as Terraform's JSON does.
func renderRefs(travs []hcl.Traversal) []string {
	var refs []string
	for _, t := range travs {
		if len(t) < 2 {
			continue
		}
		root := t.RootName()
		name, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		rest := t[2:]
		switch root {
		case "var", "local", "path", "terraform", "count", "each", "self":
			refs = appendRefForms(refs, root+"."+name.Name, "", "")
			continue
		case "data":
			if len(rest) == 0 {
				continue
			}
			n, ok := rest[0].(hcl.TraverseAttr)
			if !ok {
				continue
			}
			key, attr := keyAndAttr(rest[1:])
			refs = appendRefForms(refs, "data."+name.Name+"."+n.Name, key, attr)
			continue
		}
		if root == "module" {
			key, attr := keyAndAttr(rest)
			refs = appendRefForms(refs, "module."+name.Name, key, attr)
			continue
		}
		key, attr := keyAndAttr(rest)
		refs = appendRefForms(refs, root+"."+name.Name, key, attr)
	}
	return refs
}

func keyAndAttr(steps hcl.Traversal) (string, string) {
	key := ""
	if len(steps) > 0 {
		if idx, ok := steps[0].(hcl.TraverseIndex); ok {
			if idx.Key.IsKnown() && !idx.Key.IsNull() && (idx.Key.Type() == cty.String || idx.Key.Type() == cty.Number) {
				key = graph.KeyString(idx.Key)
			}
			steps = steps[1:]
		}
	}
	if len(steps) > 0 {
		if a, ok := steps[0].(hcl.TraverseAttr); ok {
			return key, a.Name
		}
	}
	return key, ""
}
