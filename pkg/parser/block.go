package parser

import (
	"sort"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// metaAttrs are resource meta-arguments, not provider attributes.
var metaAttrs = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true}

// metaBlocks are resource meta-blocks, not provider nested blocks.
var metaBlocks = map[string]bool{"lifecycle": true, "provisioner": true, "connection": true}

// buildBlock evaluates a body into a graph.Block: attributes with values,
// ranges and references; nested blocks in source order with `dynamic`
// blocks expanded.
func (s *scope) buildBlock(body hcl.Body, typ string, labels []string, path string, rng hcl.Range, top bool) *graph.Block {
	bi := s.inst.re.bodyInfo(body)
	b := &graph.Block{Type: typ, Labels: labels, Path: path, Range: rng, Attrs: make(map[string]*graph.Attribute, len(bi.attrs))}
	prefix := ""
	if path != "" {
		prefix = path + "."
	}
	for i, a := range bi.attrs {
		if top && metaAttrs[a.Name] {
			continue
		}
		v := s.evalWith(a.Expr, bi.exprs[i])
		attr := &graph.Attribute{Name: a.Name, Path: prefix + a.Name, Value: v.v, Range: a.Range, Refs: v.refs}
		if call, ok := a.Expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 && !v.v.IsWhollyKnown() {
			// One unknown leaf makes the encoded string unknown; keep the
			// structure so policy and configuration documents stay readable.
			attr.Document = s.eval(call.Args[0]).v
		}
		b.Attrs[a.Name] = attr
	}
	var index map[string]int
	if len(bi.blocks) > 0 {
		index = make(map[string]int, len(bi.blocks))
	}
	for _, nb := range bi.blocks {
		if top && metaBlocks[nb.Type] {
			continue
		}
		if nb.Type == "dynamic" && len(nb.Labels) == 1 {
			b.Blocks = append(b.Blocks, s.expandDynamic(nb, prefix, index)...)
			continue
		}
		i := index[nb.Type]
		index[nb.Type] = i + 1
		b.Blocks = append(b.Blocks, s.buildBlock(nb.Body, nb.Type, nb.Labels, prefix+nb.Type+"["+strconv.Itoa(i)+"]", nb.DefRange, false))
	}
	return b
}

var dynamicSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "for_each"}, {Name: "iterator"}, {Name: "labels"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "content"}},
}

// expandDynamic turns `dynamic "x" { for_each, content }` into x blocks; an
// unknown collection gives one Unknown stand-in.
func (s *scope) expandDynamic(db *hcl.Block, prefix string, index map[string]int) []*graph.Block {
	typ := db.Labels[0]
	di := s.inst.re.dynamicInfo(db)
	content := di.content
	next := func() string {
		i := index[typ]
		index[typ] = i + 1
		return prefix + typ + "[" + strconv.Itoa(i) + "]"
	}
	// The stand-in takes no index: how many blocks precede later ones is
	// unknown, and `[*]` is how the plan loader names the same stand-in.
	unknown := func() []*graph.Block {
		return []*graph.Block{{Type: typ, Path: prefix + typ + "[*]", Range: db.DefRange, Unknown: true, Attrs: map[string]*graph.Attribute{}}}
	}
	if content == nil || content.Attributes["for_each"] == nil {
		return unknown()
	}
	contentBody, iterName := di.body, di.iterator
	if contentBody == nil {
		return nil
	}
	collVal := s.eval(content.Attributes["for_each"].Expr)
	coll, collRefs := collVal.v, collVal.refs
	// Lists, tuples and maps have known elements when they are known; a
	// set's membership depends on its elements' values.
	if !coll.IsKnown() || coll.IsNull() || !coll.CanIterateElements() || (coll.Type().IsSetType() && !coll.IsWhollyKnown()) {
		return unknown()
	}
	if coll.LengthInt() > maxInstances {
		return unknown()
	}
	var out []*graph.Block
	for it := coll.ElementIterator(); it.Next(); {
		k, v := it.Element()
		is := &scope{inst: s.inst, countIdx: s.countIdx, eachKey: s.eachKey, eachVal: s.eachVal, eachRefs: s.eachRefs, iters: make(map[string]iterator, len(s.iters)+1)}
		for n, iv := range s.iters {
			is.iters[n] = iv
		}
		if coll.Type().IsSetType() {
			k = v
		}
		is.iters[iterName] = iterator{v: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v}), key: k, refs: collRefs}
		var labels []string
		if a := content.Attributes["labels"]; a != nil {
			lv := is.eval(a.Expr).v
			if lv.IsWhollyKnown() && !lv.IsNull() && lv.CanIterateElements() {
				for lit := lv.ElementIterator(); lit.Next(); {
					_, l := lit.Element()
					if s, ok := graph.StringOf(l); ok {
						labels = append(labels, s)
					}
				}
			}
		}
		out = append(out, is.buildBlock(contentBody, typ, labels, next(), db.DefRange, false))
	}
	return out
}

// bodyInfo is a body's content, listed once however many instances use it.
type bodyInfo struct {
	attrs  []*hcl.Attribute // by name
	exprs  []*exprInfo      // of attrs[i]
	blocks []*hcl.Block     // source order
}

func (re *rootEval) bodyInfo(body hcl.Body) *bodyInfo {
	if bi, ok := re.bodies[body]; ok {
		return bi
	}
	attrs, blocks := bodyContent(body)
	bi := &bodyInfo{attrs: make([]*hcl.Attribute, 0, len(attrs)), blocks: blocks}
	for _, a := range attrs {
		bi.attrs = append(bi.attrs, a)
	}
	sort.Slice(bi.attrs, func(i, j int) bool { return bi.attrs[i].Name < bi.attrs[j].Name })
	bi.exprs = make([]*exprInfo, len(bi.attrs))
	for i, a := range bi.attrs {
		bi.exprs[i] = re.exprInfo(a.Expr)
	}
	re.bodies[body] = bi
	return bi
}

// dynamicInfo is the static part of a dynamic block.
type dynamicInfo struct {
	content  *hcl.BodyContent
	body     hcl.Body
	iterator string
}

func (re *rootEval) dynamicInfo(db *hcl.Block) *dynamicInfo {
	if di, ok := re.dynamics[db]; ok {
		return di
	}
	di := &dynamicInfo{iterator: db.Labels[0]}
	di.content, _, _ = db.Body.PartialContent(dynamicSchema)
	if di.content != nil {
		for _, cb := range di.content.Blocks {
			di.body = cb.Body
		}
		if a := di.content.Attributes["iterator"]; a != nil {
			if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
				di.iterator = kw
			}
		}
	}
	re.dynamics[db] = di
	return di
}

// bodyContent lists a body's attributes and nested blocks (source order)
// without a provider schema.
func bodyContent(body hcl.Body) (hcl.Attributes, []*hcl.Block) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		attrs := make(hcl.Attributes, len(sb.Attributes))
		for name, a := range sb.Attributes {
			attrs[name] = a.AsHCLAttribute()
		}
		blocks := make([]*hcl.Block, len(sb.Blocks))
		for i, blk := range sb.Blocks {
			blocks[i] = blk.AsHCLBlock()
		}
		return attrs, blocks
	}
	attrs, blocks, _ := splitJSONBody(body)
	return attrs, blocks
}

// mapAttrNames are attributes that hold maps, which JSON cannot tell apart
// from nested blocks without the provider schema.
var mapAttrNames = map[string]bool{
	"tags": true, "tags_all": true, "labels": true, "metadata": true, "parameters": true,
	"variables": true, "environment": true, "triggers": true, "item": true, "policy": true,
	"default_tags": true, "options": true, "attributes": true, "context": true, "settings": true,
}

// splitJSONBody classifies the properties of a JSON body: objects (or arrays
// of objects) are nested blocks unless their name is a known map attribute.
func splitJSONBody(body hcl.Body) (hcl.Attributes, []*hcl.Block, hcl.Diagnostics) {
	attrs, diags := body.JustAttributes()
	var blocks []*hcl.Block
	var blockTypes []hcl.BlockHeaderSchema
	for name, a := range attrs {
		if name == "dynamic" {
			blockTypes = append(blockTypes, hcl.BlockHeaderSchema{Type: name, LabelNames: []string{"type"}})
			delete(attrs, name)
			continue
		}
		if mapAttrNames[name] || metaAttrs[name] {
			continue
		}
		v, _ := a.Expr.Value(nil)
		if blockShaped(v) || metaBlocks[name] {
			blockTypes = append(blockTypes, hcl.BlockHeaderSchema{Type: name})
			delete(attrs, name)
		}
	}
	if len(blockTypes) > 0 {
		content, _, _ := body.PartialContent(&hcl.BodySchema{Blocks: blockTypes})
		if content != nil {
			blocks = append(blocks, content.Blocks...)
		}
		sort.SliceStable(blocks, func(i, j int) bool { return blocks[i].DefRange.Start.Byte < blocks[j].DefRange.Start.Byte })
	}
	return attrs, blocks, diags
}

func blockShaped(v cty.Value) bool {
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() {
		return false
	}
	ty := v.Type()
	if ty.IsObjectType() {
		return true
	}
	if ty.IsTupleType() && v.LengthInt() > 0 {
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !e.Type().IsObjectType() {
				return false
			}
		}
		return true
	}
	return false
}

// blockValueMap is the object value of a block for references
// (`aws_instance.x.root_block_device[0].encrypted`).
func blockValueMap(b *graph.Block) map[string]cty.Value {
	m := make(map[string]cty.Value, len(b.Attrs)+len(b.Blocks))
	for name, a := range b.Attrs {
		m[name] = a.Value
	}
	var order []string
	groups := map[string][]cty.Value{}
	unknown := map[string]bool{}
	for _, nb := range b.Blocks {
		if _, ok := groups[nb.Type]; !ok {
			order = append(order, nb.Type)
		}
		if nb.Unknown {
			unknown[nb.Type] = true
			groups[nb.Type] = append(groups[nb.Type], cty.NilVal)
			continue
		}
		groups[nb.Type] = append(groups[nb.Type], cty.ObjectVal(blockValueMap(nb)))
	}
	for _, typ := range order {
		if _, isAttr := m[typ]; isAttr {
			continue
		}
		if unknown[typ] {
			m[typ] = cty.DynamicVal
			continue
		}
		m[typ] = cty.TupleVal(groups[typ])
	}
	return m
}
