package parser

import (
	"slices"
	"sort"
	"strconv"
	"strings"

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
	re := s.inst.re
	bi := re.bodyInfo(body)
	bp := bi.pathsUnder(path)
	n, varying := len(bi.attrs), bi.varying
	if top {
		n, varying = bi.nonMeta, bi.varyingNonMeta
	}
	if !shortcuts {
		varying = n
	}
	b := &graph.Block{Type: typ, Labels: labels, Path: path, Range: rng, Attrs: make(map[string]*graph.Attribute, n)}
	// One allocation holds all the block's attributes that are not shared:
	// there are hundreds of thousands, and each alone is a small object for
	// the GC.
	var slab []graph.Attribute
	if varying > 0 {
		slab = make([]graph.Attribute, varying)
	}
	used := 0
	for i := range bi.attrs {
		a := &bi.attrs[i]
		if top && a.meta {
			continue
		}
		if a.constant() && shortcuts {
			b.Attrs[a.name] = s.constantAttr(a, &bp.attrs[i])
			continue
		}
		attr := &slab[used]
		used++
		s.fillAttr(attr, a, bp.attrs[i].path)
		b.Attrs[a.name] = attr
	}
	if len(bi.blocks) == 0 {
		return b
	}
	var index blockIndex
	for j, nb := range bi.blocks {
		if top && metaBlocks[nb.Type] {
			continue
		}
		if nb.Type == "dynamic" && len(nb.Labels) == 1 {
			b.Blocks = append(b.Blocks, s.expandDynamic(nb, bp, &index)...)
			continue
		}
		b.Blocks = append(b.Blocks, s.nestedBlock(nb, bp.block(j, nb.Type, index.next(nb.Type))))
	}
	return b
}

// fillAttr evaluates attribute a at path into attr.
func (s *scope) fillAttr(attr *graph.Attribute, a *bodyAttr, path string) {
	v := s.evalWith(a.expr, a.info)
	*attr = graph.Attribute{Name: a.name, Path: path, Value: v.v, Range: a.rng, Refs: v.refs}
	if call, ok := a.expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 && !v.v.IsWhollyKnown() {
		// One unknown leaf makes the encoded string unknown; keep the
		// structure so policy and configuration documents stay readable.
		attr.Document = s.eval(call.Args[0]).v
	}
}

// constantAttr is the attribute for an expression that names nothing:
// its value depends only on the module's functions, the same for every
// instance in a root, so every instance shares one attribute.
func (s *scope) constantAttr(a *bodyAttr, slot *pathAttr) *graph.Attribute {
	if slot.shared == nil {
		slot.shared = &graph.Attribute{}
		s.fillAttr(slot.shared, a, slot.path)
	}
	return slot.shared
}

// nestedBlock builds a static nested block at its path. A block whose
// content names nothing (`condition { test = "Bool" ... }`) is the same in
// every instance in a root: one is built and shared.
func (s *scope) nestedBlock(nb *hcl.Block, slot *pathBlock) *graph.Block {
	if !shortcuts || !s.inst.re.constantBody(nb.Body) {
		return s.buildBlock(nb.Body, nb.Type, nb.Labels, slot.path, nb.DefRange, false)
	}
	if slot.shared == nil {
		slot.shared = s.buildBlock(nb.Body, nb.Type, nb.Labels, slot.path, nb.DefRange, false)
	}
	return slot.shared
}

// blockIndex numbers the nested blocks of each type in source order, static
// and dynamic alike ("ingress[2]"). Bodies hold few block types: a slice
// beats a map.
type blockIndex struct {
	n      int
	types  [4]string
	counts [4]int
	more   map[string]int // types after the first four
}

func (bx *blockIndex) next(typ string) int {
	for k := 0; k < bx.n; k++ {
		if bx.types[k] == typ {
			i := bx.counts[k]
			bx.counts[k] = i + 1
			return i
		}
	}
	if bx.n < len(bx.types) {
		bx.types[bx.n], bx.counts[bx.n] = typ, 1
		bx.n++
		return 0
	}
	if bx.more == nil {
		bx.more = map[string]int{}
	}
	i := bx.more[typ]
	bx.more[typ] = i + 1
	return i
}

var dynamicSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "for_each"}, {Name: "iterator"}, {Name: "labels"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "content"}},
}

// expandDynamic turns `dynamic "x" { for_each, content }` into x blocks; an
// unknown collection gives one Unknown stand-in.
func (s *scope) expandDynamic(db *hcl.Block, bp *bodyPaths, index *blockIndex) []*graph.Block {
	typ := db.Labels[0]
	di := s.inst.re.dynamicInfo(db)
	content := di.content
	// The stand-in takes no index: how many blocks precede later ones is
	// unknown, and `[*]` is how the plan loader names the same stand-in.
	unknown := func() []*graph.Block {
		return []*graph.Block{{Type: typ, Path: bp.prefix + typ + "[*]", Range: db.DefRange, Unknown: true, Attrs: map[string]*graph.Attribute{}}}
	}
	if content == nil || content.Attributes["for_each"] == nil {
		return unknown()
	}
	contentBody, iterName := di.body, di.iterator
	if contentBody == nil {
		return nil
	}
	forEach := content.Attributes["for_each"].Expr
	forEachInfo := s.inst.re.exprInfo(forEach)
	collVal := s.evalWith(forEach, forEachInfo)
	coll, collRefs := collVal.v, collVal.refs
	// Lists, tuples and maps have known elements when they are known; a
	// set's membership depends on its elements' values.
	if !coll.IsKnown() || coll.IsNull() || !coll.CanIterateElements() || (coll.Type().IsSetType() && !coll.IsWhollyKnown()) {
		return unknown()
	}
	if coll.LengthInt() > maxInstances {
		return unknown()
	}
	elems := s.iterElements(coll, forEachInfo)
	out := make([]*graph.Block, 0, len(elems))
	// The elements' scopes and iterator bindings, in one allocation.
	scopes := make([]struct {
		scope
		link iterScope
	}, len(elems))
	for i, el := range elems {
		es := &scopes[i]
		es.link = iterScope{name: iterName, it: iterator{v: el.obj, key: el.key, refs: collRefs}, outer: s.iters}
		es.scope = scope{
			inst: s.inst, countIdx: s.countIdx, countN: s.countN, eachKey: s.eachKey, eachVal: s.eachVal, eachRefs: s.eachRefs,
			countObj: s.countObj, eachObj: s.eachObj, iters: &es.link,
		}
		is := &es.scope
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
		out = append(out, is.buildBlock(contentBody, typ, labels, bp.dynamic(typ, index.next(typ)), db.DefRange, false))
	}
	return out
}

// iterElement is one element of a dynamic block's collection: its key and
// the iterator object (`x.key`, `x.value`).
type iterElement struct {
	key, obj cty.Value
}

// iterElements lists a dynamic collection's elements with their iterator
// objects. A collection that is the same in every instance (see evalWith)
// has the same elements: they are built once per module instance.
func (s *scope) iterElements(coll cty.Value, ei *exprInfo) []iterElement {
	shared := shortcuts && s.instanceScoped() && !s.dependsOnInstance(ei)
	if shared {
		if els, ok := s.inst.iterObjs[ei]; ok {
			return els
		}
	}
	isSet := coll.Type().IsSetType()
	els := make([]iterElement, 0, coll.LengthInt())
	for it := coll.ElementIterator(); it.Next(); {
		k, v := it.Element()
		if isSet {
			k = v
		}
		els = append(els, iterElement{key: k, obj: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})})
	}
	if shared {
		if s.inst.iterObjs == nil {
			s.inst.iterObjs = map[*exprInfo][]iterElement{}
		}
		s.inst.iterObjs[ei] = els
	}
	return els
}

// bodyAttr is an attribute of a body with what evaluating it needs.
type bodyAttr struct {
	name string
	expr hcl.Expression
	rng  hcl.Range
	info *exprInfo
	meta bool // a resource meta-argument (count, for_each, ...)
}

// constant answers whether the expression names nothing (no variable,
// local, resource, count, each or iterator): it is then evaluated with the
// module's functions alone.
func (a *bodyAttr) constant() bool { return len(a.info.traversals) == 0 }

// bodyInfo is a body's content, listed once however many instances use it.
type bodyInfo struct {
	attrs   []bodyAttr   // by name
	nonMeta int          // attributes that are not meta-arguments
	blocks  []*hcl.Block // source order
	// varying counts the attributes that are not constant, and
	// varyingNonMeta those of them that are not meta-arguments.
	varying, varyingNonMeta int
	constChecked            bool // isConstant is set, see constantBody
	isConstant              bool
	top                     bodyPaths // at path "", where attribute paths are their names
	paths                   map[string]*bodyPaths
}

// bodyPaths are the paths of a body's attributes and nested blocks when
// the body sits at one path. A body sits at the same path in every instance
// of its resource, so they are joined once, not once per instance; and
// what is constant there is built once.
type bodyPaths struct {
	prefix   string      // the body's path and a dot; "" for a resource body
	attrs    []pathAttr  // of bodyInfo.attrs[i]
	blocks   []pathBlock // of bodyInfo.blocks[j]
	dynamics map[dynamicSlot]string
}

type pathAttr struct {
	path   string
	shared *graph.Attribute // see constantAttr
}

type pathBlock struct {
	path   string // "" until built
	idx    int    // the block's index among its type, which path ends with
	shared *graph.Block
}

type dynamicSlot struct {
	typ string
	i   int
}

func (bi *bodyInfo) pathsUnder(path string) *bodyPaths {
	if path == "" {
		if bi.top.attrs == nil {
			bi.fillPaths(&bi.top)
		}
		return &bi.top
	}
	if bp, ok := bi.paths[path]; ok {
		return bp
	}
	bp := &bodyPaths{prefix: path + "."}
	bi.fillPaths(bp)
	if bi.paths == nil {
		bi.paths = map[string]*bodyPaths{}
	}
	bi.paths[path] = bp
	return bp
}

func (bi *bodyInfo) fillPaths(bp *bodyPaths) {
	bp.attrs = make([]pathAttr, len(bi.attrs))
	for i := range bi.attrs {
		bp.attrs[i].path = bp.prefix + bi.attrs[i].name
	}
	if len(bi.blocks) > 0 {
		bp.blocks = make([]pathBlock, len(bi.blocks))
	}
}

// block is nested block j, the i-th of its type.
func (bp *bodyPaths) block(j int, typ string, i int) *pathBlock {
	slot := &bp.blocks[j]
	if slot.path == "" || slot.idx != i {
		*slot = pathBlock{path: bp.prefix + typ + "[" + strconv.Itoa(i) + "]", idx: i}
	}
	return slot
}

// dynamic is the path of the i-th block of a type made by a dynamic block.
func (bp *bodyPaths) dynamic(typ string, i int) string {
	slot := dynamicSlot{typ, i}
	if p, ok := bp.dynamics[slot]; ok {
		return p
	}
	p := bp.prefix + typ + "[" + strconv.Itoa(i) + "]"
	if bp.dynamics == nil {
		bp.dynamics = map[dynamicSlot]string{}
	}
	bp.dynamics[slot] = p
	return p
}

func (re *rootEval) bodyInfo(body hcl.Body) *bodyInfo {
	if bi, ok := re.bodies[body]; ok {
		return bi
	}
	bi := re.chunks.bodyInfo()
	if sb, ok := body.(*hclsyntax.Body); ok {
		bi.attrs = make([]bodyAttr, 0, len(sb.Attributes))
		for _, a := range sb.Attributes {
			bi.attrs = append(bi.attrs, bodyAttr{name: a.Name, expr: a.Expr, rng: a.SrcRange})
		}
		bi.blocks = make([]*hcl.Block, len(sb.Blocks))
		for i, blk := range sb.Blocks {
			bi.blocks[i] = blk.AsHCLBlock()
		}
	} else {
		attrs, blocks, _ := splitJSONBody(body)
		bi.attrs = make([]bodyAttr, 0, len(attrs))
		for _, a := range attrs {
			bi.attrs = append(bi.attrs, bodyAttr{name: a.Name, expr: a.Expr, rng: a.Range})
		}
		bi.blocks = blocks
	}
	slices.SortFunc(bi.attrs, func(a, b bodyAttr) int { return strings.Compare(a.name, b.name) })
	for i := range bi.attrs {
		a := &bi.attrs[i]
		a.info = re.exprInfo(a.expr)
		a.meta = metaAttrs[a.name]
		if !a.meta {
			bi.nonMeta++
		}
		if !a.constant() {
			bi.varying++
			if !a.meta {
				bi.varyingNonMeta++
			}
		}
	}
	re.bodies[body] = bi
	return bi
}

// constantBody answers whether a nested body, and every block in it, has
// only constant attributes and no dynamic blocks: it is then the same
// wherever it is built in a root.
func (re *rootEval) constantBody(body hcl.Body) bool {
	bi := re.bodyInfo(body)
	if bi.constChecked {
		return bi.isConstant
	}
	bi.constChecked = true
	bi.isConstant = false // while its blocks are looked at
	if bi.varying > 0 {
		return false
	}
	for _, nb := range bi.blocks {
		if nb.Type == "dynamic" || !re.constantBody(nb.Body) {
			return false
		}
	}
	bi.isConstant = true
	return true
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
// room is how many more entries the caller will add.
func blockValueMap(b *graph.Block, room int) map[string]cty.Value {
	m := make(map[string]cty.Value, len(b.Attrs)+len(b.Blocks)+room)
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
		groups[nb.Type] = append(groups[nb.Type], cty.ObjectVal(blockValueMap(nb, 0)))
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
