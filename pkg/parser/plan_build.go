package parser

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// planBuilder turns one decoded plan into a graph.
type planBuilder struct {
	name  string // the plan file as ranges name it
	path  string // the plan file on disk
	data  []byte
	doc   *planDoc
	opts  Options
	files map[string][]byte

	// unknowns holds each resource instance's after_unknown by address.
	unknowns map[string]map[string]any
	// moduleInstances are the module instance addresses the plan creates; a
	// reference to the output of a module called with count or for_each
	// without a key stands for all of them.
	moduleInstances []string
	rootCfg         *planCfgModule
	modSegs         map[string][]planModSeg
	refCache        map[planRefKey][]graph.Ref
	addrLines       map[string]int
	lineStarts      []int
	diags           hcl.Diagnostics
}

// planCfgModule is one module of the configuration, with what is needed to
// resolve its references and find its sources.
type planCfgModule struct {
	mod    *tfjson.ConfigModule // nil when the file carries no configuration
	call   *tfjson.ModuleCall   // the call that led here; nil for the root
	parent *planCfgModule
	// resources by their address inside the module: "aws_s3_bucket.b", "data.x.y".
	resources map[string]*tfjson.ConfigResource
	children  map[string]*planCfgModule
	// dir is the directory of the module's sources; "" when not known.
	dir    string
	src    *planSrcModule
	srcSet bool
	// keyPath is the dotted call path modules.json keys modules by ("app.db").
	keyPath string
	remote  *planRemoteModules
}

// planRemoteModules is where `terraform init` put the sources of non-local
// module calls (.terraform/modules/modules.json beside the plan), read once.
type planRemoteModules struct {
	rootDir string
	read    bool
	dirs    map[string]string // modules.json Key → directory
}

func (rm *planRemoteModules) dir(key string) string {
	if !rm.read {
		rm.read = true
		rm.dirs = planReadModulesJSON(rm.rootDir)
	}
	return rm.dirs[key]
}

type planRefKey struct {
	expr    *tfjson.ExpressionData
	modAddr string
}

// planModSeg is one `module.name[key]` step of a module instance address.
type planModSeg struct {
	name string
	key  cty.Value
	addr string // the address up to and including this step
}

func newPlanBuilder(name, path string, data []byte, doc *planDoc, opts Options, files map[string][]byte) *planBuilder {
	b := &planBuilder{
		name:     name,
		path:     path,
		data:     data,
		doc:      doc,
		opts:     opts,
		files:    files,
		unknowns: make(map[string]map[string]any, len(doc.ResourceChanges)),
		modSegs:  map[string][]planModSeg{},
		refCache: map[planRefKey][]graph.Ref{},
	}
	var rootMod *tfjson.ConfigModule
	if doc.Configuration != nil {
		rootMod = doc.Configuration.RootModule
		if rootMod == nil {
			rootMod = &tfjson.ConfigModule{}
		}
	}
	b.rootCfg = newPlanCfgModule(rootMod, nil, nil, b.sourceDir())
	b.rootCfg.remote = &planRemoteModules{rootDir: b.sourceDir()}
	for _, rc := range doc.ResourceChanges {
		if rc == nil || rc.Deposed != "" {
			continue
		}
		if m, ok := rc.Change.AfterUnknown.(map[string]any); ok {
			b.unknowns[rc.Address] = m
		}
	}
	return b
}

// sourceDir is where the root module's sources, lock file and
// .terraform directory are looked for: beside the plan unless the caller
// says otherwise.
func (b *planBuilder) sourceDir() string {
	if b.opts.PlanSources != "" {
		return b.opts.PlanSources
	}
	return filepath.Dir(b.path)
}

func newPlanCfgModule(mod *tfjson.ConfigModule, call *tfjson.ModuleCall, parent *planCfgModule, dir string) *planCfgModule {
	cm := &planCfgModule{mod: mod, call: call, parent: parent, dir: dir, children: map[string]*planCfgModule{}}
	if mod != nil {
		cm.resources = make(map[string]*tfjson.ConfigResource, len(mod.Resources))
		for _, r := range mod.Resources {
			if r == nil {
				continue
			}
			local := r.Type + "." + r.Name
			if r.Mode == tfjson.DataResourceMode {
				local = "data." + local
			}
			cm.resources[local] = r
		}
	}
	return cm
}

// child returns the configuration of the module call name, or nil when the
// configuration does not have it.
func (cm *planCfgModule) child(name string) *planCfgModule {
	if cm == nil || cm.mod == nil {
		return nil
	}
	if c, ok := cm.children[name]; ok {
		return c
	}
	call := cm.mod.ModuleCalls[name]
	if call == nil {
		cm.children[name] = nil
		return nil
	}
	keyPath := name
	if cm.keyPath != "" {
		keyPath = cm.keyPath + "." + name
	}
	dir := ""
	switch {
	case planIsLocalSource(call.Source):
		if cm.dir != "" {
			dir = filepath.Join(cm.dir, filepath.FromSlash(call.Source))
		}
	case cm.remote != nil:
		dir = cm.remote.dir(keyPath)
	}
	mod := call.Module
	if mod == nil {
		mod = &tfjson.ConfigModule{}
	}
	c := newPlanCfgModule(mod, call, cm, dir)
	c.keyPath = keyPath
	c.remote = cm.remote
	cm.children[name] = c
	return c
}

func planIsLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../")
}

func (b *planBuilder) build() (*graph.Graph, hcl.Diagnostics) {
	values := b.doc.PlannedValues
	if values == nil {
		values = b.doc.Values
	}
	var resources []*graph.Resource
	seen := map[string]bool{}
	if values != nil {
		b.collectModuleInstances(values.RootModule, 0)
		b.walkModule(values.RootModule, 0, false, seen, &resources)
	}
	// Data sources Terraform could read while planning are in prior_state,
	// not in planned_values; rules still follow references to them
	// (data.aws_iam_policy_document.x.json).
	if b.doc.PriorState != nil && b.doc.PriorState.Values != nil && b.doc.PlannedValues != nil {
		b.walkModule(b.doc.PriorState.Values.RootModule, 0, true, seen, &resources)
	}
	g := graph.New(b.name, b.providerVersion(), resources)
	return g, b.diags
}

// planMaxModuleDepth bounds module nesting, so a hostile plan cannot recurse
// without end; Terraform configurations nest a handful of levels.
const planMaxModuleDepth = 64

func (b *planBuilder) collectModuleInstances(m *tfjson.StateModule, depth int) {
	if m == nil || depth > planMaxModuleDepth {
		return
	}
	if m.Address != "" {
		b.moduleInstances = append(b.moduleInstances, m.Address)
	}
	for _, c := range m.ChildModules {
		b.collectModuleInstances(c, depth+1)
	}
}

func (b *planBuilder) walkModule(m *tfjson.StateModule, depth int, dataOnly bool, seen map[string]bool, out *[]*graph.Resource) {
	if m == nil {
		return
	}
	if depth > planMaxModuleDepth {
		b.warn(fmt.Sprintf("modules nest deeper than %d levels below %s; the rest is skipped", planMaxModuleDepth, m.Address), b.lineRange(m.Address))
		return
	}
	for _, sr := range m.Resources {
		if sr == nil || sr.DeposedKey != "" {
			continue
		}
		if dataOnly && sr.Mode != tfjson.DataResourceMode {
			continue
		}
		r := b.resource(m.Address, sr)
		if r == nil || seen[r.Address] {
			continue
		}
		seen[r.Address] = true
		*out = append(*out, r)
	}
	for _, c := range m.ChildModules {
		b.walkModule(c, depth+1, dataOnly, seen, out)
	}
}

func (b *planBuilder) warn(detail string, rng hcl.Range) {
	b.diags = append(b.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Plan content skipped",
		Detail:   b.name + ": " + detail,
		Subject:  &rng,
	})
}

// resource builds one resource instance; nil when the entry is unusable.
func (b *planBuilder) resource(modAddr string, sr *tfjson.StateResource) *graph.Resource {
	if sr.Type == "" || sr.Name == "" {
		b.warn(fmt.Sprintf("a resource entry %q has no type or name", sr.Address), b.lineRange(sr.Address))
		return nil
	}
	segs, ok := b.moduleSegs(modAddr)
	if !ok {
		b.warn(fmt.Sprintf("module address %q does not parse", modAddr), b.lineRange(sr.Address))
		return nil
	}
	r := &graph.Resource{
		Module: modAddr,
		Type:   sr.Type,
		Name:   sr.Name,
		Key:    planIndexKey(sr.Index),
	}
	if sr.Mode == tfjson.DataResourceMode {
		r.Mode = graph.Data
	}
	r.Address = sr.Address
	if r.Address == "" {
		r.Address = r.Base() + graph.KeyString(r.Key)
	}
	local := r.Type + "." + r.Name
	if r.Mode == graph.Data {
		local = "data." + local
	}

	cm := b.rootCfg
	for _, s := range segs {
		cm = cm.child(s.name)
		if cm == nil {
			break
		}
	}
	var cfgRes *tfjson.ConfigResource
	if cm != nil && cm.resources != nil {
		cfgRes = cm.resources[local]
	}

	var srcBlock *hclsyntax.Block
	if src := b.sources(cm); src != nil {
		srcBlock = src.resources[local]
	}
	var srcBody *hclsyntax.Body
	if srcBlock != nil {
		r.DeclRange, r.BlockRange = srcBlock.DefRange(), srcBlock.Range()
		srcBody = srcBlock.Body
	} else {
		// Only now is the plan scanned for address lines: with sources
		// beside it, it never is.
		fallback := b.lineRange(r.Address)
		r.DeclRange, r.BlockRange = fallback, fallback
	}
	r.ModuleCalls = b.moduleCalls(segs, r.DeclRange)

	labels := []string{r.Type, r.Name}
	blockType := "resource"
	if r.Mode == graph.Data {
		blockType = "data"
	}
	r.Body = &graph.Block{Type: blockType, Labels: labels, Attrs: map[string]*graph.Attribute{}, Range: r.DeclRange}
	ctx := &planResCtx{modAddr: modAddr, cfg: cm, key: r.Key}
	// Without a configuration for this resource, every unknown stays as an
	// unknown attribute: nothing tells a set value from a computed one.
	haveCfg := cfgRes != nil
	var exprs map[string]*tfjson.Expression
	if haveCfg {
		exprs = cfgRes.Expressions
	}
	b.fillBlock(ctx, r.Body, "", sr.AttributeValues, b.unknowns[r.Address], exprs, haveCfg, srcBody)
	return r
}

type planResCtx struct {
	modAddr string
	cfg     *planCfgModule
	key     cty.Value // the instance key, for count.index and each.key
}

// fillBlock adds to blk the attributes and nested blocks of one object of
// planned values. unk is the matching part of after_unknown; exprs the
// configuration's expressions for the object, meaningful when haveCfg.
func (b *planBuilder) fillBlock(ctx *planResCtx, blk *graph.Block, prefix string, vals map[string]any, unk map[string]any, exprs map[string]*tfjson.Expression, haveCfg bool, src *hclsyntax.Body) {
	keys := make([]string, 0, len(vals)+len(unk))
	for k := range vals {
		keys = append(keys, k)
	}
	for k, u := range unk {
		if _, ok := vals[k]; !ok && planIsUnknownMark(u) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	// One allocation for the block's attributes rather than one each: a
	// large plan has millions.
	slab := make([]graph.Attribute, 0, len(keys))
	for _, k := range keys {
		v, inVals := vals[k]
		u := unk[k]
		var expr *tfjson.ExpressionData
		if haveCfg {
			if e := exprs[k]; e != nil {
				expr = e.ExpressionData
			}
		}
		cfgBlock := expr != nil && len(expr.NestedBlocks) > 0
		// after omits unknown values; a key only after_unknown names is unknown as a whole.
		if u == true || (!inVals && planIsUnknownMark(u)) {
			switch {
			case haveCfg && expr == nil:
				// Computed by the provider, not set by the configuration:
				// leave it out so the documented default applies.
			case cfgBlock:
				blk.Blocks = append(blk.Blocks, &graph.Block{
					Type: k, Path: prefix + k + "[*]", Attrs: map[string]*graph.Attribute{},
					Range: b.nestedRange(src, k, -1, 0, blk.Range), Unknown: true,
				})
			default:
				b.addAttr(ctx, blk, &slab, prefix, k, cty.DynamicVal, expr, src)
			}
			continue
		}
		if !inVals || v == nil {
			// A null the configuration did not write is the same as omitted.
			if expr != nil && !cfgBlock {
				b.addAttr(ctx, blk, &slab, prefix, k, cty.NullVal(cty.DynamicPseudoType), expr, src)
			}
			continue
		}
		if elems, isBlock := planBlockElems(v, cfgBlock, expr); isBlock {
			ulist, _ := u.([]any)
			umap, _ := u.(map[string]any)
			var order []int
			if cfgBlock {
				order = planMatchBlocks(elems, expr.NestedBlocks)
			}
			for i, elem := range elems {
				var eu map[string]any
				switch {
				case umap != nil:
					eu = umap
				case i < len(ulist):
					eu, _ = ulist[i].(map[string]any)
				}
				// A block the configuration writes has its own expressions;
				// one it does not (a computed block, or one more than the
				// configuration shows, as `dynamic` makes) has none.
				// j is the block's place in the configuration and source;
				// it differs from i for sets, which plans list in hash order.
				j := i
				if order != nil {
					j = order[i]
				}
				var eexprs map[string]*tfjson.Expression
				ehave := haveCfg
				if cfgBlock {
					if j < len(expr.NestedBlocks) {
						eexprs = expr.NestedBlocks[j]
					} else {
						ehave = false
					}
				}
				path := prefix + k + fmt.Sprintf("[%d]", j)
				nsrc := planNestedSrc(src, k, j, len(elems))
				nb := &graph.Block{Type: k, Path: path, Attrs: map[string]*graph.Attribute{}, Range: blk.Range}
				if nsrc != nil {
					nb.Range = nsrc.DefRange()
				}
				var nbody *hclsyntax.Body
				if nsrc != nil {
					nbody = nsrc.Body
				}
				b.fillBlock(ctx, nb, path+".", elem, eu, eexprs, ehave, nbody)
				blk.Blocks = append(blk.Blocks, nb)
			}
			continue
		}
		if haveCfg && expr == nil && planIsEmpty(v) {
			// An empty collection the provider fills in is what omitting
			// the argument means in the configuration.
			continue
		}
		b.addAttr(ctx, blk, &slab, prefix, k, planCty(v, u, 0), expr, src)
	}
}

// planBlockElems answers whether a planned value is a nested block and
// returns its objects. The configuration decides where it says; otherwise a
// list of objects is a block list (that is how Terraform writes them) and
// anything else, maps included, an attribute.
func planBlockElems(v any, cfgBlock bool, expr *tfjson.ExpressionData) ([]map[string]any, bool) {
	if expr != nil && !cfgBlock {
		return nil, false
	}
	switch x := v.(type) {
	case map[string]any:
		if cfgBlock {
			return []map[string]any{x}, true
		}
	case []any:
		if len(x) == 0 {
			return nil, cfgBlock
		}
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	return nil, false
}

func planIsEmpty(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// planIsUnknownMark answers whether an after_unknown entry marks something unknown.
func planIsUnknownMark(u any) bool {
	switch x := u.(type) {
	case bool:
		return x
	case []any:
		for _, e := range x {
			if planIsUnknownMark(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if planIsUnknownMark(e) {
				return true
			}
		}
	}
	return false
}

func (b *planBuilder) addAttr(ctx *planResCtx, blk *graph.Block, slab *[]graph.Attribute, prefix, name string, val cty.Value, expr *tfjson.ExpressionData, src *hclsyntax.Body) {
	*slab = append(*slab, graph.Attribute{Name: name, Path: prefix + name, Value: val, Range: blk.Range})
	a := &(*slab)[len(*slab)-1]
	var sa *hclsyntax.Attribute
	if src != nil {
		if sa = src.Attributes[name]; sa != nil {
			a.Range = sa.SrcRange
		}
	}
	if expr != nil && len(expr.References) > 0 {
		// Every instance of a counted resource shares its configuration's
		// expressions; resolve each once per module instance.
		key := planRefKey{expr, ctx.modAddr}
		refs, ok := b.refCache[key]
		if !ok {
			refs = b.refs(expr.References, ctx.modAddr, ctx.cfg, 0)
			b.refCache[key] = refs
		}
		a.Refs = refs
		if sa != nil && ctx.key != cty.NilVal {
			a.Refs = planInstanceRefs(refs, sa.Expr, ctx)
		}
	}
	blk.Attrs[name] = a
}

// planMaxValueDepth bounds value nesting; encoding/json already refuses
// deeper documents, this keeps conversion from recursing on what it accepts.
const planMaxValueDepth = 10000

// planCty converts a decoded JSON value to cty, marking unknown what the
// matching after_unknown part marks. JSON carries no collection types, so
// arrays become tuples and objects objects, as HCL literals evaluate.
func planCty(v any, u any, depth int) cty.Value {
	if u == true || depth > planMaxValueDepth {
		return cty.DynamicVal
	}
	switch x := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case bool:
		return cty.BoolVal(x)
	case string:
		return cty.StringVal(x)
	case json.Number:
		return planNumber(string(x))
	case float64:
		return cty.NumberFloatVal(x)
	case []any:
		ul, _ := u.([]any)
		if len(x) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(x))
		for i, e := range x {
			var ue any
			if i < len(ul) {
				ue = ul[i]
			}
			elems[i] = planCty(e, ue, depth+1)
		}
		return cty.TupleVal(elems)
	case map[string]any:
		um, _ := u.(map[string]any)
		attrs := make(map[string]cty.Value, len(x))
		for k, e := range x {
			attrs[k] = planCty(e, um[k], depth+1)
		}
		for k, ue := range um {
			if _, ok := x[k]; !ok && planIsUnknownMark(ue) {
				attrs[k] = cty.DynamicVal
			}
		}
		if len(attrs) == 0 {
			return cty.EmptyObjectVal
		}
		return cty.ObjectVal(attrs)
	}
	return cty.DynamicVal
}

// planMaxExponent bounds the decimal exponent of a number taken as known.
// JSON allows any; Terraform never writes one beyond float64's, and
// formatting 1e99999999 in full (as addresses and messages do) would take
// minutes.
const planMaxExponent = 400

// planNumber converts a JSON number exactly; one out of range is unknown.
func planNumber(s string) cty.Value {
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		exp, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || exp > planMaxExponent || exp < -planMaxExponent {
			return cty.UnknownVal(cty.Number)
		}
	}
	n, err := cty.ParseNumberVal(s)
	if err != nil {
		return cty.UnknownVal(cty.Number)
	}
	return n
}

// planIndexKey turns a resource's index (count number or for_each string)
// into its key. A count index is a small whole number; anything else is no
// key Terraform could have written, and the resource keeps only its address.
func planIndexKey(idx any) cty.Value {
	switch x := idx.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil && i >= 0 {
			return cty.NumberIntVal(i)
		}
	case float64:
		if x >= 0 && x < 1<<53 && x == float64(int64(x)) {
			return cty.NumberIntVal(int64(x))
		}
	case string:
		return cty.StringVal(x)
	}
	return cty.NilVal
}

// moduleSegs splits a module instance address into its calls.
func (b *planBuilder) moduleSegs(addr string) ([]planModSeg, bool) {
	if addr == "" {
		return nil, true
	}
	if s, ok := b.modSegs[addr]; ok {
		return s, s != nil
	}
	segs := planParseModuleAddr(addr)
	b.modSegs[addr] = segs
	return segs, segs != nil
}

func planParseModuleAddr(addr string) []planModSeg {
	trav, diags := hclsyntax.ParseTraversalAbs([]byte(addr), "", hcl.InitialPos)
	if diags.HasErrors() || len(trav) == 0 || trav.RootName() != "module" {
		return nil
	}
	var segs []planModSeg
	// Steps after the root: name, optional [key], then "module" again.
	steps := trav[1:]
	cur := "module"
	for i := 0; i < len(steps); {
		name, ok := steps[i].(hcl.TraverseAttr)
		if !ok {
			return nil
		}
		seg := planModSeg{name: name.Name, key: cty.NilVal}
		cur += "." + name.Name
		i++
		if i < len(steps) {
			if idx, ok := steps[i].(hcl.TraverseIndex); ok {
				if !idx.Key.IsKnown() || idx.Key.IsNull() || (idx.Key.Type() != cty.String && idx.Key.Type() != cty.Number) {
					return nil
				}
				seg.key = idx.Key
				cur += graph.KeyString(idx.Key)
				i++
			}
		}
		seg.addr = cur
		segs = append(segs, seg)
		if i < len(steps) {
			next, ok := steps[i].(hcl.TraverseAttr)
			if !ok || next.Name != "module" || i+1 >= len(steps) {
				return nil
			}
			cur += ".module"
			i++
		}
	}
	return segs
}

// moduleCalls lists the module blocks that lead to a resource, outermost first.
func (b *planBuilder) moduleCalls(segs []planModSeg, fallback hcl.Range) []graph.ModuleCall {
	if len(segs) == 0 {
		return nil
	}
	calls := make([]graph.ModuleCall, 0, len(segs))
	cm := b.rootCfg
	for _, s := range segs {
		mc := graph.ModuleCall{Name: s.name, Address: s.addr}
		var blk *hclsyntax.Block
		if src := b.sources(cm); src != nil {
			blk = src.calls[s.name]
		}
		switch {
		case blk != nil:
			mc.DeclRange, mc.BlockRange = blk.DefRange(), blk.Range()
		case fallback.Filename == b.name:
			// The plan is the source: the line where it names the module.
			rng := b.lineRange(s.addr)
			if !b.hasAddressLine(s.addr) {
				rng = fallback
			}
			mc.DeclRange, mc.BlockRange = rng, rng
		default:
			mc.DeclRange, mc.BlockRange = fallback, fallback
		}
		calls = append(calls, mc)
		cm = cm.child(s.name)
	}
	return calls
}

func (b *planBuilder) providerVersion() graph.ProviderVersion {
	var pv graph.ProviderVersion
	if c := b.doc.Configuration; c != nil {
		if p := c.ProviderConfig["aws"]; p != nil && p.VersionConstraint != "" {
			pv.Constraint = p.VersionConstraint
		} else {
			keys := make([]string, 0, len(c.ProviderConfig))
			for k := range c.ProviderConfig {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				p := c.ProviderConfig[k]
				if p != nil && p.Name == "aws" && p.ModuleAddress == "" && p.VersionConstraint != "" {
					pv.Constraint = p.VersionConstraint
					break
				}
			}
		}
	}
	pv.Locked = b.lockedAWSVersion()
	return pv
}

// planMatchBlocks pairs each planned block with the configuration block it
// came from. Set-typed blocks (aws_elb listener, policy attributes) are
// listed in a plan by hash, not in source order, so position alone would put
// a finding on a sibling's line. A planned block matches the configuration
// block whose constant values it holds; nil means keep positions (different
// counts, as a dynamic block makes, or no unambiguous pairing).
func planMatchBlocks(elems []map[string]any, cfg []map[string]*tfjson.Expression) []int {
	if len(elems) < 2 || len(elems) != len(cfg) {
		return nil
	}
	order := make([]int, len(elems))
	taken := make([]bool, len(cfg))
	moved := false
	for i, elem := range elems {
		best, bestScore := -1, -1
		for j, exprs := range cfg {
			if taken[j] {
				continue
			}
			score := planConstantsAgree(elem, exprs)
			if score > bestScore {
				best, bestScore = j, score
			}
		}
		if best < 0 {
			return nil
		}
		order[i], taken[best] = best, true
		moved = moved || best != i
	}
	if !moved {
		return nil
	}
	return order
}

// planConstantsAgree counts the constant values of a configuration block
// that the planned block holds; -1 when one differs.
func planConstantsAgree(elem map[string]any, exprs map[string]*tfjson.Expression) int {
	n := 0
	for name, e := range exprs {
		if e == nil || e.ConstantValue == nil {
			continue
		}
		v, ok := elem[name]
		if !ok {
			continue
		}
		if !planSameJSON(v, e.ConstantValue) {
			return -1
		}
		n++
	}
	return n
}

// planSameJSON compares two decoded JSON values by their encoding, so a
// json.Number and a float64 of the same number agree.
func planSameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}
