package parser

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// val is a value with the resources it was computed from, so references
// flow through locals, variables and module outputs.
type val struct {
	v    cty.Value
	refs []graph.Ref
}

type evalState int8

const (
	notStarted evalState = iota
	inProgress
	done
)

type memo struct {
	state evalState
	val   val
}

// maxInstances bounds count/for_each expansion: beyond it the resource is
// treated as one instance with an unknown key rather than exhausting memory.
const maxInstances = 10000

// shortcuts enables the evaluation shortcuts that must change nothing:
// one-reference expressions without a context, constant attributes and
// blocks shared, dynamic iterator objects shared. Only a test turns them
// off, to check that the graphs come out the same.
var shortcuts = true

// maxModuleDepth guards module recursion that cycle detection by directory
// cannot see (e.g. symlinked copies).
const maxModuleDepth = 32

// rootEval evaluates one root module and everything it calls. It is
// single-threaded; roots run in parallel with each other.
type rootEval struct {
	ld       *loader
	rootDir  string
	remote   map[string]string // modules.json Key → absolute dir
	rootVals map[string]rawVar
	diags    hcl.Diagnostics
	diagSeen map[string]bool
	funcs    map[string]map[string]function.Function // by module dir
	insts    []*modInst

	// Expressions and bodies of a module are evaluated once per instance
	// (count, for_each, module instances): what does not depend on the
	// instance is computed once.
	exprs    map[hcl.Expression]*exprInfo
	bodies   map[hcl.Body]*bodyInfo
	dynamics map[*hcl.Block]*dynamicInfo
	srcs     map[string][]byte // file bytes by name
	ctxPool  []*hcl.EvalContext

	chunks chunks

	// countKeys[i] is cty.NumberIntVal(i) and countObjs[i] the `count`
	// object {index = i}: the same in every counted resource and call.
	countKeys, countObjs []cty.Value
}

type exprInfo struct {
	traversals []hcl.Traversal
	travs      []travInfo     // of traversals[i]
	info       *traversalInfo // nil until a traversal needs it
	conds      []*hclsyntax.ConditionalExpr
}

// travInfo is what evaluation reads of a traversal, read once: the names
// it starts with and, for a resource, its "type.name" key.
type travInfo struct {
	root   string
	name   string // the attribute after the root, "" if none
	start  int    // source byte where the traversal starts
	resKey string // "type.name" or "data.type.name"; "" when not resource-shaped
}

func (re *rootEval) exprInfo(expr hcl.Expression) *exprInfo {
	if ei, ok := re.exprs[expr]; ok {
		return ei
	}
	ei := re.chunks.exprInfo()
	ei.traversals = exprVariables(expr)
	if len(ei.traversals) > 0 {
		ei.travs = re.chunks.travInfos(len(ei.traversals))
		for i, t := range ei.traversals {
			ti := &ei.travs[i]
			ti.root = t.RootName()
			ti.name = attrAt(t, 1)
			ti.start = t.SourceRange().Start.Byte
			switch ti.root {
			case "var", "local", "module", "count", "each", "path", "terraform", "self":
			case "data":
				if typ, name := attrAt(t, 1), attrAt(t, 2); typ != "" && name != "" {
					ti.resKey = "data." + typ + "." + name
				}
			default:
				if ti.name != "" {
					ti.resKey = ti.root + "." + ti.name
				}
			}
		}
	}
	if node, ok := expr.(hclsyntax.Node); ok && len(ei.traversals) > 0 && re.mayHaveConditional(expr.Range()) {
		_ = hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
			if c, ok := n.(*hclsyntax.ConditionalExpr); ok {
				ei.conds = append(ei.conds, c)
			}
			return nil
		})
	}
	re.exprs[expr] = ei
	return ei
}

// chunks hands out the per-expression and per-body records of a root from
// arrays of many, one allocation instead of one per record: a root has
// tens of thousands, all kept until it is evaluated.
type chunks struct {
	exprs  []exprInfo
	travs  []travInfo
	bodies []bodyInfo
}

const chunkLen = 256

func (c *chunks) exprInfo() *exprInfo {
	if len(c.exprs) == 0 {
		c.exprs = make([]exprInfo, chunkLen)
	}
	ei := &c.exprs[0]
	c.exprs = c.exprs[1:]
	return ei
}

func (c *chunks) bodyInfo() *bodyInfo {
	if len(c.bodies) == 0 {
		c.bodies = make([]bodyInfo, chunkLen/4)
	}
	bi := &c.bodies[0]
	c.bodies = c.bodies[1:]
	return bi
}

// travInfos returns n zeroed records; its capacity is n, so appending to
// it cannot overwrite the next record handed out.
func (c *chunks) travInfos(n int) []travInfo {
	if n > chunkLen/4 {
		return make([]travInfo, n)
	}
	if len(c.travs) < n {
		c.travs = make([]travInfo, chunkLen)
	}
	ts := c.travs[:n:n]
	c.travs = c.travs[n:]
	return ts
}

// exprVariables is expr.Variables(), in the same order, without hcl's
// walker, which allocates for every node it visits. Only a `for`
// expression opens a scope (its own key and value names are not
// variables): it, and any node not listed, is left to hcl.
func exprVariables(expr hcl.Expression) []hcl.Traversal {
	if e, ok := expr.(hclsyntax.Expression); ok {
		return appendVariables(nil, e)
	}
	return expr.Variables()
}

func appendVariables(vars []hcl.Traversal, expr hclsyntax.Expression) []hcl.Traversal {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
	case *hclsyntax.ScopeTraversalExpr:
		vars = append(vars, e.Traversal)
	case *hclsyntax.TemplateWrapExpr:
		vars = appendVariables(vars, e.Wrapped)
	case *hclsyntax.TemplateExpr:
		for _, part := range e.Parts {
			vars = appendVariables(vars, part)
		}
	case *hclsyntax.FunctionCallExpr:
		for _, arg := range e.Args {
			vars = appendVariables(vars, arg)
		}
	case *hclsyntax.TupleConsExpr:
		for _, x := range e.Exprs {
			vars = appendVariables(vars, x)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, item := range e.Items {
			vars = appendVariables(vars, item.KeyExpr)
			vars = appendVariables(vars, item.ValueExpr)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		// A bare name as a key is the key's text, not a reference.
		if hcl.ExprAsKeyword(e.Wrapped) == "" {
			vars = appendVariables(vars, e.Wrapped)
		}
	case *hclsyntax.ParenthesesExpr:
		vars = appendVariables(vars, e.Expression)
	case *hclsyntax.RelativeTraversalExpr:
		vars = appendVariables(vars, e.Source)
	case *hclsyntax.IndexExpr:
		vars = appendVariables(vars, e.Collection)
		vars = appendVariables(vars, e.Key)
	case *hclsyntax.ConditionalExpr:
		vars = appendVariables(vars, e.Condition)
		vars = appendVariables(vars, e.TrueResult)
		vars = appendVariables(vars, e.FalseResult)
	case *hclsyntax.BinaryOpExpr:
		vars = appendVariables(vars, e.LHS)
		vars = appendVariables(vars, e.RHS)
	case *hclsyntax.UnaryOpExpr:
		vars = appendVariables(vars, e.Val)
	default:
		vars = append(vars, hclsyntax.Variables(e)...)
	}
	return vars
}

// mayHaveConditional answers from the source text whether an expression
// can contain `? :`, sparing a walk of the great majority that cannot.
func (re *rootEval) mayHaveConditional(rng hcl.Range) bool {
	src, ok := re.srcs[rng.Filename]
	if !ok {
		re.ld.mu.Lock()
		src = re.ld.files[rng.Filename]
		re.ld.mu.Unlock()
		re.srcs[rng.Filename] = src
	}
	if src == nil || rng.Start.Byte < 0 || rng.End.Byte > len(src) || rng.Start.Byte > rng.End.Byte {
		return true
	}
	return bytes.IndexByte(src[rng.Start.Byte:rng.End.Byte], '?') >= 0
}

// newContext takes an evaluation context from the free list. Contexts are
// reused because one is needed per expression evaluated and nothing keeps
// one once Value returns (diagnostics holding it are dropped).
func (re *rootEval) newContext(funcs map[string]function.Function, withVars bool) *hcl.EvalContext {
	var ctx *hcl.EvalContext
	if n := len(re.ctxPool); n > 0 {
		ctx = re.ctxPool[n-1]
		re.ctxPool = re.ctxPool[:n-1]
	} else {
		ctx = &hcl.EvalContext{}
	}
	ctx.Functions = funcs
	if withVars {
		if ctx.Variables == nil {
			ctx.Variables = make(map[string]cty.Value, 8)
		}
	} else {
		ctx.Variables = nil
	}
	return ctx
}

func (re *rootEval) releaseContext(ctx *hcl.EvalContext) {
	if ctx.Variables != nil {
		clear(ctx.Variables)
	}
	re.ctxPool = append(re.ctxPool, ctx)
}

// countKey is cty.NumberIntVal(i), made once per root.
func (re *rootEval) countKey(i int) cty.Value {
	for len(re.countKeys) <= i {
		re.countKeys = append(re.countKeys, cty.NumberIntVal(int64(len(re.countKeys))))
	}
	return re.countKeys[i]
}

// countObject is the `count` object of the instance with index idx, the
// i-th of a count expansion.
func (re *rootEval) countObject(idx cty.Value, i int) cty.Value {
	if !idx.IsKnown() || i < 0 || i >= len(re.countKeys) || re.countKeys[i] != idx {
		return cty.ObjectVal(map[string]cty.Value{"index": idx})
	}
	for len(re.countObjs) <= i {
		re.countObjs = append(re.countObjs, cty.NilVal)
	}
	if re.countObjs[i] == cty.NilVal {
		re.countObjs[i] = cty.ObjectVal(map[string]cty.Value{"index": idx})
	}
	return re.countObjs[i]
}

func (re *rootEval) diag(d *hcl.Diagnostic) {
	key := d.Summary
	if d.Subject != nil {
		key += "@" + d.Subject.String()
	}
	if re.diagSeen[key] {
		return
	}
	re.diagSeen[key] = true
	re.diags = append(re.diags, d)
}

// modInst is one instance of a module: the root, or one key of a module call.
type modInst struct {
	re     *rootEval
	mod    *module
	parent *modInst
	// prefix is the module instance path plus a dot ("" for the root):
	// `module.app["a"].`; resource addresses are prefix + local address.
	prefix    string
	path      string
	keyPath   string // dotted call names for modules.json ("app.db")
	calls     []graph.ModuleCall
	call      *callDecl
	callScope *scope // the caller's scope with this instance's count/each
	depth     int

	funcs    map[string]function.Function
	shared   map[*exprInfo]val           // instance-independent values, see evalWith
	iterObjs map[*exprInfo][]iterElement // instance-independent dynamic collections, see iterElements
	objs     map[objKey]cty.Value        // one-name objects (`var` with only var.x), see objectOf
	bases    map[string]string           // resource key → absolute base address
	vars     map[string]*memo
	locals   map[string]*memo
	outputs  map[string]*memo
	res      map[string]*resState
	callSt   map[string]*callState
}

type resState struct {
	state evalState
	decl  *resourceDecl
	kind  expandKind
	insts []*graph.Resource
	attrs []map[string]cty.Value // per instance, for reference objects
	value cty.Value              // cached object for references with no extra attributes
}

type callState struct {
	state    evalState
	decl     *callDecl
	kind     expandKind
	children []*modInst
	keys     []cty.Value
	resolved bool
}

type expandKind int8

const (
	single expandKind = iota
	byCount
	byForEach
	byUnknown
)

func (re *rootEval) newInst(mod *module, parent *modInst, call *callDecl, key cty.Value, callScope *scope) *modInst {
	inst := &modInst{
		re: re, mod: mod, parent: parent, call: call, callScope: callScope,
		vars: map[string]*memo{}, locals: map[string]*memo{}, outputs: map[string]*memo{},
		res: map[string]*resState{}, callSt: map[string]*callState{},
	}
	if parent != nil {
		inst.depth = parent.depth + 1
		inst.path = parent.prefix + "module." + call.name + graph.KeyString(key)
		inst.prefix = inst.path + "."
		inst.keyPath = call.name
		if parent.keyPath != "" {
			inst.keyPath = parent.keyPath + "." + call.name
		}
		inst.calls = append(append([]graph.ModuleCall(nil), parent.calls...), graph.ModuleCall{
			Name: call.name, Address: inst.path, DeclRange: call.declRange, BlockRange: call.blockRange,
		})
	}
	re.insts = append(re.insts, inst)
	return inst
}

// scope is where an expression is evaluated: a module instance plus the
// count/each/dynamic-iterator bindings in effect.
type scope struct {
	inst     *modInst
	countIdx cty.Value // cty.NilVal outside count
	countN   int       // countIdx as an int when it is known
	eachKey  cty.Value // cty.NilVal outside for_each
	eachVal  cty.Value
	eachRefs []graph.Ref // of the for_each expression, for each.value
	iters    *iterScope  // innermost first

	// countObj and eachObj are the `count` and `each` objects, built once
	// per instance rather than once per expression.
	countObj, eachObj cty.Value
}

// iterator is a dynamic block's iteration variable.
type iterator struct {
	v, key cty.Value
	refs   []graph.Ref // of the dynamic block's for_each
}

// iterScope binds the iterators of nested dynamic blocks, innermost first,
// so an inner iterator of the same name hides an outer one. Each element
// of a dynamic block adds one link instead of copying every binding.
type iterScope struct {
	name  string
	it    iterator
	outer *iterScope
}

func (is *iterScope) lookup(name string) (iterator, bool) {
	for ; is != nil; is = is.outer {
		if is.name == name {
			return is.it, true
		}
	}
	return iterator{}, false
}

// withKey is the scope of instance i of a count or for_each expansion.
func (s *scope) withKey(kind expandKind, i int, key, each cty.Value, refs []graph.Ref) *scope {
	ns := &scope{}
	s.setKey(ns, kind, i, key, each, refs)
	return ns
}

// setKey makes ns the scope of instance i, in place.
func (s *scope) setKey(ns *scope, kind expandKind, i int, key, each cty.Value, refs []graph.Ref) {
	*ns = scope{inst: s.inst, countIdx: cty.NilVal, eachKey: cty.NilVal, eachVal: cty.NilVal, iters: s.iters}
	switch kind {
	case byCount:
		ns.countIdx, ns.countN = key, i
	case byForEach:
		ns.eachKey, ns.eachVal, ns.eachRefs = key, each, refs
	case byUnknown:
		ns.countIdx = cty.UnknownVal(cty.Number)
		ns.eachKey, ns.eachVal, ns.eachRefs = cty.UnknownVal(cty.String), cty.DynamicVal, refs
	}
}

// appendElementRefs appends the references of `each.value.attr` (or a
// dynamic iterator's value): those of the collection iterated over. When the
// collection is a whole resource with the same instance keys
// (`for_each = aws_s3_bucket.phi`), the reference is to the one instance.
func (s *scope) appendElementRefs(out []graph.Ref, refs []graph.Ref, key cty.Value, attr string) []graph.Ref {
	for _, r := range refs {
		if r.Key == cty.NilVal && r.Attr == "" && s.inst.hasInstance(r.Base, key) {
			r = graph.Ref{Base: r.Base, Key: key, Attr: attr}
		}
		out = append(out, r)
	}
	return out
}

// hasInstance answers whether a resource of this module instance, named by
// its absolute base address, has an instance with the key.
func (inst *modInst) hasInstance(base string, key cty.Value) bool {
	if key == cty.NilVal || !key.IsKnown() || key.IsNull() || !strings.HasPrefix(base, inst.prefix) {
		return false
	}
	rs := inst.res[base[len(inst.prefix):]]
	if rs == nil || rs.state != done {
		return false
	}
	want := graph.KeyString(key)
	for _, r := range rs.insts {
		if r.Key != cty.NilVal && graph.KeyString(r.Key) == want {
			return true
		}
	}
	return false
}

func newScope(inst *modInst) *scope {
	return &scope{inst: inst, countIdx: cty.NilVal, eachKey: cty.NilVal, eachVal: cty.NilVal}
}

// eval evaluates an expression; any error makes the value unknown, since the
// user's Terraform is assumed valid and a static tool cannot know everything.
func (s *scope) eval(expr hcl.Expression) val {
	if expr == nil {
		return val{v: cty.NullVal(cty.DynamicPseudoType)}
	}
	return s.evalWith(expr, s.inst.re.exprInfo(expr))
}

// evalWith is eval with the expression's static information at hand.
func (s *scope) evalWith(expr hcl.Expression, ei *exprInfo) val {
	if lit, ok := expr.(*hclsyntax.LiteralValueExpr); ok {
		return val{v: lit.Val}
	}
	// In a count/for_each instance or a dynamic block, an expression that
	// names none of count, each or the iterators has the same value in every
	// instance: evaluate it once per module instance.
	if s.instanceScoped() && !s.dependsOnInstance(ei) {
		if v, ok := s.inst.shared[ei]; ok {
			return v
		}
		v := s.evalNow(expr, ei)
		if s.inst.shared == nil {
			s.inst.shared = map[*exprInfo]val{}
		}
		s.inst.shared[ei] = v
		return v
	}
	return s.evalNow(expr, ei)
}

// instanceScoped answers whether the scope is one instance of several:
// count, for_each or a dynamic block's element.
func (s *scope) instanceScoped() bool {
	return s.countIdx != cty.NilVal || s.eachKey != cty.NilVal || s.iters != nil
}

func (s *scope) dependsOnInstance(ei *exprInfo) bool {
	for i := range ei.travs {
		root := ei.travs[i].root
		if root == "count" || root == "each" {
			return true
		}
		if _, ok := s.iters.lookup(root); ok {
			return true
		}
	}
	return false
}

func (s *scope) evalNow(expr hcl.Expression, ei *exprInfo) (out val) {
	defer func() {
		if r := recover(); r != nil {
			out = val{v: cty.DynamicVal}
		}
	}()
	ctx, refs, v := s.context(expr, ei)
	if ctx != nil {
		defer s.inst.re.releaseContext(ctx)
		var diags hcl.Diagnostics
		v, diags = expr.Value(ctx)
		if diags.HasErrors() {
			if stubs := unknownFuncStubs(expr, diags, ctx); stubs != nil {
				child := ctx.NewChild()
				child.Functions = stubs
				v, diags = expr.Value(child)
			}
			if diags.HasErrors() {
				v = cty.DynamicVal
			}
		}
	}
	if v == cty.NilVal {
		v = cty.DynamicVal
	}
	// No function here marks values (sensitive() is the identity), so
	// there is nothing to unmark.
	if tooBig(v) {
		// Locals that double a string each step would exhaust memory a
		// few steps later; nothing real is this large.
		v = cty.DynamicVal
	}
	return val{v: v, refs: refs}
}

// unknownFuncStubs binds every function an expression calls that we do not
// implement to one returning unknown, so only that call is unknown.
func unknownFuncStubs(expr hcl.Expression, diags hcl.Diagnostics, ctx *hcl.EvalContext) map[string]function.Function {
	found := false
	for _, d := range diags {
		if d.Summary == "Call to unknown function" {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	node, ok := expr.(hclsyntax.Node)
	if !ok {
		return nil
	}
	stubs := map[string]function.Function{}
	_ = hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		if fc, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			if _, known := ctx.Functions[fc.Name]; !known {
				stubs[fc.Name] = unknownFunc
			}
		}
		return nil
	})
	if len(stubs) == 0 {
		return nil
	}
	return stubs
}

// needs collects, for one expression, which named values must be built.
type needs struct {
	vars, locals []string                   // distinct names; expressions name few
	modules      map[string]map[string]bool // call name → outputs; nil set = all
	resources    []resNeed
}

type resNeed struct {
	key  string   // "type.name" / "data.type.name"
	attr string   // the first attribute named after it, "" if none
	more []string // other attributes named after it
}

func (rn *resNeed) add(attr string) {
	switch {
	case attr == "" || attr == rn.attr:
	case rn.attr == "":
		rn.attr = attr
	default:
		rn.more = addName(rn.more, attr)
	}
}

// appendAttrs appends the attributes named after the resource.
func (rn *resNeed) appendAttrs(to []string) []string {
	if rn.attr == "" {
		return to
	}
	return append(append(to, rn.attr), rn.more...)
}

func addName(names []string, name string) []string {
	for _, n := range names {
		if n == name {
			return names
		}
	}
	return append(names, name)
}

// context works out the references of an expression and the evaluation
// context it needs. An expression that is one reference (`var.x`,
// `aws_kms_key.k.arn`) needs no context: its value is returned instead, with
// a nil context.
func (s *scope) context(expr hcl.Expression, ei *exprInfo) (*hcl.EvalContext, []graph.Ref, cty.Value) {
	inst := s.inst
	if inst.funcs == nil {
		inst.funcs = inst.re.functions(inst.mod)
	}
	traversals := ei.traversals
	if len(traversals) == 0 {
		return inst.re.newContext(inst.funcs, false), nil, cty.NilVal
	}
	// refs[i] comes from the traversal starting at byte starts[i], so the
	// references of a conditional's branch not taken can be dropped; only
	// an expression with a conditional needs them.
	var refs []graph.Ref
	var starts []int
	withStarts := len(ei.conds) > 0
	// Room for the usual few names without allocating.
	var varBuf, localBuf [2]string
	var resBuf [2]resNeed
	n := needs{vars: varBuf[:0], locals: localBuf[:0], resources: resBuf[:0]}
	astInfo := ei.info
	for i, t := range traversals {
		ti := &ei.travs[i]
		root := ti.root
		before := len(refs)
		if it, ok := s.iters.lookup(root); ok {
			if ti.name == "value" && len(it.refs) > 0 {
				refs = s.appendElementRefs(refs, it.refs, it.key, attrAt(t, 2))
			}
		} else {
			switch root {
			case "var":
				if name := ti.name; name != "" {
					n.vars = addName(n.vars, name)
					refs = append(refs, inst.variable(name).refs...)
				}
			case "local":
				if name := ti.name; name != "" {
					n.locals = addName(n.locals, name)
					if _, declared := inst.mod.locals[name]; declared {
						refs = append(refs, inst.local(name).refs...)
					}
				}
			case "module":
				name := ti.name
				if name == "" {
					continue
				}
				if n.modules == nil {
					n.modules = map[string]map[string]bool{}
				}
				out, idx := outputAfter(t)
				set, seen := n.modules[name]
				switch {
				case out == "":
					n.modules[name] = nil
				case !seen:
					n.modules[name] = map[string]bool{out: true}
				case set != nil:
					set[out] = true
				}
				if astInfo == nil && len(t) == 2 {
					astInfo = collectTraversalInfo(expr)
					ei.info = astInfo
				}
				refs = append(refs, s.moduleRefs(name, t, idx, out, astInfo)...)
			case "data":
				if ti.resKey == "" {
					continue
				}
				if astInfo == nil && len(t) == 3 {
					astInfo = collectTraversalInfo(expr)
					ei.info = astInfo
				}
				if ref, ok := s.resourceRef(ti.resKey, t, 3, ti.start, astInfo); ok {
					n.resources = addResourceNeed(n.resources, ti.resKey, ref.Attr)
					refs = append(refs, ref)
				}
			case "each":
				if s.eachKey != cty.NilVal && ti.name == "value" && len(s.eachRefs) > 0 {
					refs = s.appendElementRefs(refs, s.eachRefs, s.eachKey, attrAt(t, 2))
				}
			case "count", "path", "terraform", "self":
				// Values without references, set below.
			default:
				if ti.resKey == "" {
					continue
				}
				if astInfo == nil && len(t) == 2 {
					astInfo = collectTraversalInfo(expr)
					ei.info = astInfo
				}
				if ref, ok := s.resourceRef(ti.resKey, t, 2, ti.start, astInfo); ok {
					n.resources = addResourceNeed(n.resources, ti.resKey, ref.Attr)
					refs = append(refs, ref)
				}
			}
		}
		if withStarts {
			for range refs[before:] {
				starts = append(starts, ti.start)
			}
		}
	}

	if st, ok := expr.(*hclsyntax.ScopeTraversalExpr); ok && len(traversals) == 1 && shortcuts {
		if base, rest, ok := s.referenced(&ei.travs[0], st.Traversal, n.resources); ok {
			return nil, dedupeRefs(refs), traverse(base, rest)
		}
	}

	ctx := inst.re.newContext(inst.funcs, true)
	for i := range ei.travs {
		root := ei.travs[i].root
		if it, ok := s.iters.lookup(root); ok {
			ctx.Variables[root] = it.v
			continue
		}
		switch root {
		case "count":
			if s.countIdx != cty.NilVal {
				ctx.Variables["count"] = s.countObject()
			}
		case "each":
			if s.eachKey != cty.NilVal {
				ctx.Variables["each"] = s.eachObject()
			}
		case "path":
			ctx.Variables["path"] = inst.re.pathObject(inst.mod)
		case "terraform":
			ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "self":
			ctx.Variables["self"] = cty.DynamicVal
		}
	}
	if len(n.vars) == 1 {
		name := n.vars[0]
		v := inst.variable(name).v
		ctx.Variables["var"] = inst.singleObject("var", name, v, inst.vars[name].state == done)
	} else if len(n.vars) > 1 {
		m := make(map[string]cty.Value, len(n.vars))
		for _, name := range n.vars {
			m[name] = inst.variable(name).v
		}
		ctx.Variables["var"] = inst.objectOf("var", m, len(m) == 1 && inst.vars[firstKey(m)].state == done)
	}
	if _, declared := inst.mod.locals[firstName(n.locals)]; len(n.locals) == 1 && declared {
		name := n.locals[0]
		v := inst.local(name).v
		ctx.Variables["local"] = inst.singleObject("local", name, v, inst.locals[name].state == done)
	} else if len(n.locals) > 0 {
		m := make(map[string]cty.Value, len(n.locals))
		for _, name := range n.locals {
			if _, declared := inst.mod.locals[name]; !declared {
				continue
			}
			m[name] = inst.local(name).v
		}
		ctx.Variables["local"] = inst.objectOf("local", m, len(m) == 1 && inst.locals[firstKey(m)].state == done)
	}
	if len(n.modules) > 0 {
		m := make(map[string]cty.Value, len(n.modules))
		for name, outs := range n.modules {
			if v, ok := inst.moduleValue(name, outs); ok {
				m[name] = v
			}
		}
		ctx.Variables["module"] = cty.ObjectVal(m)
	}
	if len(n.resources) == 1 && !strings.HasPrefix(n.resources[0].key, "data.") {
		// The common case: one managed resource.
		key := n.resources[0].key
		if v, ok, fresh := inst.resourceValue(key, &n.resources[0]); ok {
			dot := strings.IndexByte(key, '.')
			ctx.Variables[key[:dot]] = inst.singleObject(key[:dot], key[dot+1:], v, !fresh)
		}
	} else if len(n.resources) > 0 {
		byType := map[string]map[string]cty.Value{}
		stable := map[string]bool{}
		data := map[string]map[string]cty.Value{}
		for _, need := range n.resources {
			key := need.key
			v, ok, fresh := inst.resourceValue(key, &need)
			if fresh {
				stable[key[:strings.IndexByte(key, '.')]] = false
			}
			if !ok {
				continue
			}
			target := byType
			k := key
			if strings.HasPrefix(key, "data.") {
				target = data
				k = key[len("data."):]
			}
			dot := strings.IndexByte(k, '.')
			typ, name := k[:dot], k[dot+1:]
			if target[typ] == nil {
				target[typ] = map[string]cty.Value{}
			}
			target[typ][name] = v
		}
		for typ, m := range byType {
			_, unstable := stable[typ]
			ctx.Variables[typ] = inst.objectOf(typ, m, len(m) == 1 && !unstable)
		}
		if len(data) > 0 {
			dm := make(map[string]cty.Value, len(data))
			for typ, m := range data {
				dm[typ] = cty.ObjectVal(m)
			}
			ctx.Variables["data"] = cty.ObjectVal(dm)
		}
	}
	if len(ei.conds) > 0 && len(refs) > 0 {
		refs = pruneUntaken(ctx, ei.conds, refs, starts)
	}
	return ctx, dedupeRefs(refs), cty.NilVal
}

func (s *scope) countObject() cty.Value {
	if s.countObj == cty.NilVal {
		s.countObj = s.inst.re.countObject(s.countIdx, s.countN)
	}
	return s.countObj
}

func (s *scope) eachObject() cty.Value {
	if s.eachObj == cty.NilVal {
		s.eachObj = cty.ObjectVal(map[string]cty.Value{"key": s.eachKey, "value": s.eachVal})
	}
	return s.eachObj
}

// referenced is, for an expression that is the one traversal t, the value
// the context would give the name t starts with and the steps after it:
// `var.x.y` is var.x's value and `.y`. The context would hold var.x in an
// object {x = value} whose attribute x is that value, so skipping the
// object changes nothing. ok is false where the context is needed (a name
// that is not declared, a module output, path, ...).
func (s *scope) referenced(ti *travInfo, t hcl.Traversal, resources []resNeed) (cty.Value, hcl.Traversal, bool) {
	inst := s.inst
	if it, ok := s.iters.lookup(ti.root); ok {
		return it.v, t[1:], true
	}
	switch ti.root {
	case "var":
		if ti.name == "" || !isASCII(ti.name) {
			return cty.NilVal, nil, false
		}
		return inst.variable(ti.name).v, t[2:], true
	case "local":
		if _, declared := inst.mod.locals[ti.name]; !declared || ti.name == "" || !isASCII(ti.name) {
			return cty.NilVal, nil, false
		}
		return inst.local(ti.name).v, t[2:], true
	case "count":
		if s.countIdx == cty.NilVal {
			return cty.NilVal, nil, false
		}
		return s.countObject(), t[1:], true
	case "each":
		if s.eachKey == cty.NilVal {
			return cty.NilVal, nil, false
		}
		return s.eachObject(), t[1:], true
	case "module", "path", "terraform", "self":
		return cty.NilVal, nil, false
	}
	if len(resources) != 1 || ti.resKey == "" || resources[0].key != ti.resKey || !isASCII(ti.resKey) {
		return cty.NilVal, nil, false
	}
	v, ok, _ := inst.resourceValue(ti.resKey, &resources[0])
	if !ok {
		return cty.NilVal, nil, false
	}
	if ti.root == "data" {
		return v, t[3:], true
	}
	return v, t[2:], true
}

// isASCII answers whether a name is the same after cty's Unicode
// normalization of object attribute names, without normalizing it.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// traverse is rest.TraverseRel(v), the unknown value on an error as in
// evalNow. Getting a present attribute of a known object, most steps, is
// done here: hcl's step copies each step to the heap.
func traverse(v cty.Value, rest hcl.Traversal) cty.Value {
	for _, step := range rest {
		if a, ok := step.(hcl.TraverseAttr); ok && v.IsKnown() && !v.IsNull() {
			if ty := v.Type(); ty.IsObjectType() && ty.HasAttribute(a.Name) {
				v = v.GetAttr(a.Name)
				continue
			}
		}
		next, diags := step.TraversalStep(v)
		if diags.HasErrors() {
			return cty.DynamicVal
		}
		v = next
	}
	return v
}

// pruneUntaken drops the references made only in the branch a conditional
// does not take (`var.on ? data.x.doc[0].json : ""` with var.on false):
// Terraform never evaluates it, so nothing there is referred to.
func pruneUntaken(ctx *hcl.EvalContext, conds []*hclsyntax.ConditionalExpr, refs []graph.Ref, starts []int) []graph.Ref {
	var skip []hcl.Range
	for _, c := range conds {
		cv, diags := c.Condition.Value(ctx)
		if diags.HasErrors() || !cv.IsKnown() || cv.IsNull() || cv.Type() != cty.Bool {
			continue
		}
		if cv.True() {
			skip = append(skip, c.FalseResult.Range())
		} else {
			skip = append(skip, c.TrueResult.Range())
		}
	}
	if len(skip) == 0 {
		return refs
	}
	out := refs[:0:0]
	for i, r := range refs {
		dropped := false
		for _, rng := range skip {
			if starts[i] >= rng.Start.Byte && starts[i] < rng.End.Byte {
				dropped = true
				break
			}
		}
		if !dropped {
			out = append(out, r)
		}
	}
	return out
}

// objectOf is cty.ObjectVal(m), reusing the object built last time for the
// same single name and value: most expressions name one variable, local or
// resource of a kind, and building object types dominates otherwise.
// Only values that can no longer change (stable) are cached.
func (inst *modInst) objectOf(kind string, m map[string]cty.Value, stable bool) cty.Value {
	if !stable || len(m) != 1 {
		return cty.ObjectVal(m)
	}
	name := firstKey(m)
	return inst.singleObject(kind, name, m[name], true)
}

type objKey struct{ kind, name string }

// singleObject is objectOf for one name, looking in the cache before
// building anything.
func (inst *modInst) singleObject(kind, name string, v cty.Value, stable bool) cty.Value {
	if !stable {
		return cty.ObjectVal(map[string]cty.Value{name: v})
	}
	key := objKey{kind, name}
	if cached, ok := inst.objs[key]; ok {
		return cached
	}
	obj := cty.ObjectVal(map[string]cty.Value{name: v})
	if inst.objs == nil {
		inst.objs = map[objKey]cty.Value{}
	}
	inst.objs[key] = obj
	return obj
}

func firstName(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

func firstKey(m map[string]cty.Value) string {
	for k := range m {
		return k
	}
	return ""
}

// attrAt returns the attribute name at step i of a traversal, "" if none.
func attrAt(t hcl.Traversal, i int) string {
	if i >= len(t) {
		return ""
	}
	if a, ok := t[i].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// keyAt returns the literal index at step i, cty.NilVal if there is none.
func keyAt(t hcl.Traversal, i int) cty.Value {
	if i >= len(t) {
		return cty.NilVal
	}
	if ix, ok := t[i].(hcl.TraverseIndex); ok {
		return ix.Key
	}
	return cty.NilVal
}

// outputAfter returns the output name and literal instance key of a
// `module.name[key].output` traversal.
func outputAfter(t hcl.Traversal) (string, cty.Value) {
	if k := keyAt(t, 2); k != cty.NilVal {
		return attrAt(t, 3), k
	}
	return attrAt(t, 2), cty.NilVal
}

// traversalInfo is what Variables() does not say about `x.y[expr].attr`:
// the index expression and the attribute after it.
type traversalInfo struct {
	keyExpr map[int]hcl.Expression // by traversal start byte
	attr    map[int]string
}

func collectTraversalInfo(expr hcl.Expression) *traversalInfo {
	info := &traversalInfo{keyExpr: map[int]hcl.Expression{}, attr: map[int]string{}}
	node, ok := expr.(hclsyntax.Node)
	if !ok {
		return info
	}
	_ = hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.IndexExpr:
			if st, ok := e.Collection.(*hclsyntax.ScopeTraversalExpr); ok {
				info.keyExpr[st.SrcRange.Start.Byte] = e.Key
			}
		case *hclsyntax.RelativeTraversalExpr:
			var st *hclsyntax.ScopeTraversalExpr
			switch src := e.Source.(type) {
			case *hclsyntax.IndexExpr:
				st, _ = src.Collection.(*hclsyntax.ScopeTraversalExpr)
			case *hclsyntax.SplatExpr:
				st, _ = src.Source.(*hclsyntax.ScopeTraversalExpr)
			}
			if st != nil && len(e.Traversal) > 0 {
				if a, ok := e.Traversal[0].(hcl.TraverseAttr); ok {
					info.attr[st.SrcRange.Start.Byte] = a.Name
				}
			}
		case *hclsyntax.SplatExpr:
			if st, ok := e.Source.(*hclsyntax.ScopeTraversalExpr); ok {
				if rt, ok := e.Each.(*hclsyntax.RelativeTraversalExpr); ok && len(rt.Traversal) > 0 {
					if a, ok := rt.Traversal[0].(hcl.TraverseAttr); ok {
						info.attr[st.SrcRange.Start.Byte] = a.Name
					}
				}
			}
		}
		return nil
	})
	return info
}

// resourceNeed records that the expression needs a resource object and
// returns the reference edge. n is the number of traversal steps naming the
// resource (2 for managed, 3 for data). A name no resource of the module
// declares is no edge.
func (s *scope) resourceRef(key string, t hcl.Traversal, n int, start int, info *traversalInfo) (graph.Ref, bool) {
	if _, declared := s.inst.mod.resByKey[key]; !declared {
		return graph.Ref{}, false
	}
	ref := graph.Ref{Base: s.inst.resourceBase(key), Key: cty.NilVal}
	attr := ""
	if k := keyAt(t, n); k != cty.NilVal {
		ref.Key = k
		attr = attrAt(t, n+1)
	} else {
		attr = attrAt(t, n)
	}
	if len(t) == n && info != nil {
		if ke, ok := info.keyExpr[start]; ok {
			if kv := s.eval(ke).v; kv.IsWhollyKnown() && !kv.IsNull() && (kv.Type() == cty.Number || kv.Type() == cty.String) {
				ref.Key = kv
			}
		}
		if a, ok := info.attr[start]; ok {
			attr = a
		}
	}
	ref.Attr = attr
	return ref, true
}

// addResourceNeed records that the expression needs the resource object
// key with attribute attr.
func addResourceNeed(needs []resNeed, key, attr string) []resNeed {
	for i := range needs {
		if needs[i].key == key {
			needs[i].add(attr)
			return needs
		}
	}
	needs = append(needs, resNeed{key: key})
	needs[len(needs)-1].add(attr)
	return needs
}

// resourceBase is the absolute base address of a resource of the
// instance, joined once: references to it are made in every instance of
// every resource that names it.
func (inst *modInst) resourceBase(key string) string {
	if inst.prefix == "" {
		return key
	}
	if b, ok := inst.bases[key]; ok {
		return b
	}
	b := inst.prefix + key
	if inst.bases == nil {
		inst.bases = map[string]string{}
	}
	inst.bases[key] = b
	return b
}

func (s *scope) moduleRefs(name string, t hcl.Traversal, key cty.Value, out string, info *traversalInfo) []graph.Ref {
	cs := s.inst.callState(name)
	if cs == nil || !cs.resolved {
		return nil
	}
	if key == cty.NilVal && len(t) == 2 && info != nil {
		start := t.SourceRange().Start.Byte
		if ke, ok := info.keyExpr[start]; ok {
			if kv := s.eval(ke).v; kv.IsWhollyKnown() && !kv.IsNull() {
				key = kv
			}
		}
		if a, ok := info.attr[start]; ok {
			out = a
		}
	}
	var refs []graph.Ref
	for i, child := range cs.children {
		if key != cty.NilVal && cs.kind != byUnknown && cs.kind != single && graph.KeyString(cs.keys[i]) != graph.KeyString(key) {
			continue
		}
		if out != "" {
			refs = append(refs, child.output(out).refs...)
			continue
		}
		names := make([]string, 0, len(child.mod.outputs))
		for o := range child.mod.outputs {
			names = append(names, o)
		}
		sort.Strings(names)
		for _, o := range names {
			refs = append(refs, child.output(o).refs...)
		}
	}
	return refs
}

func dedupeRefs(refs []graph.Ref) []graph.Ref {
	if len(refs) < 2 {
		return refs
	}
	if len(refs) <= 8 {
		// Few: comparing each with those kept beats building keys.
		out := refs[:0:0]
		for _, r := range refs {
			if !containsRef(out, r) {
				out = append(out, r)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(refs))
	out := refs[:0:0]
	for _, r := range refs {
		k := r.Base + "\x00" + graph.KeyString(r.Key) + "\x00" + r.Attr
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// containsRef answers whether refs holds r: same base, attribute and key
// as KeyString writes it.
func containsRef(refs []graph.Ref, r graph.Ref) bool {
	for _, o := range refs {
		if o.Base != r.Base || o.Attr != r.Attr {
			continue
		}
		if o.Key == cty.NilVal || r.Key == cty.NilVal {
			if o.Key == cty.NilVal && r.Key == cty.NilVal {
				return true
			}
			continue
		}
		if graph.KeyString(o.Key) == graph.KeyString(r.Key) {
			return true
		}
	}
	return false
}

// variable returns the value of var.name in this instance.
func (inst *modInst) variable(name string) val {
	m := inst.vars[name]
	if m == nil {
		m = &memo{}
		inst.vars[name] = m
	}
	switch m.state {
	case inProgress:
		return val{v: cty.DynamicVal}
	case done:
		return m.val
	}
	m.state = inProgress
	m.val = inst.computeVariable(name)
	m.state = done
	return m.val
}

func (inst *modInst) computeVariable(name string) val {
	vd := inst.mod.variables[name]
	if vd == nil {
		return val{v: cty.DynamicVal}
	}
	if inst.parent == nil {
		if rv, ok := inst.re.rootVals[name]; ok {
			v, problem := rv.value(vd)
			if problem != "" {
				inst.re.diag(&hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  fmt.Sprintf("%s: invalid value: %s", rv.origin, problem),
				})
			}
			if v.IsKnown() && v.IsNull() && !vd.nullable && vd.def != cty.NilVal {
				return val{v: vd.def}
			}
			return val{v: convertVar(vd, v)}
		}
		if vd.def != cty.NilVal {
			return val{v: vd.def}
		}
		return val{v: unknownOf(vd.typ)}
	}
	if a := inst.call.inputs[name]; a != nil {
		in := inst.callScope.eval(a.Expr)
		if in.v.IsKnown() && in.v.IsNull() && (!vd.nullable) && vd.def != cty.NilVal {
			return val{v: vd.def, refs: in.refs}
		}
		return val{v: convertVar(vd, in.v), refs: in.refs}
	}
	if vd.def != cty.NilVal {
		return val{v: vd.def}
	}
	return val{v: unknownOf(vd.typ)}
}

func unknownOf(ty cty.Type) cty.Value {
	if ty == cty.NilType || ty == cty.DynamicPseudoType {
		return cty.DynamicVal
	}
	return cty.UnknownVal(ty)
}

func (inst *modInst) local(name string) val {
	return inst.memoized(inst.locals, inst.mod.locals, name)
}

func (inst *modInst) output(name string) val {
	return inst.memoized(inst.outputs, inst.mod.outputs, name)
}

// memoized evaluates a named local or output once per module instance. A
// name met again while it is being evaluated is a cycle: unknown, not a hang.
func (inst *modInst) memoized(memos map[string]*memo, decls map[string]*hcl.Attribute, name string) val {
	m := memos[name]
	if m == nil {
		m = &memo{}
		memos[name] = m
	}
	switch m.state {
	case inProgress:
		return val{v: cty.DynamicVal}
	case done:
		return m.val
	}
	m.state = inProgress
	if a := decls[name]; a != nil {
		m.val = newScope(inst).eval(a.Expr)
	} else {
		m.val = val{v: cty.DynamicVal}
	}
	m.state = done
	return m.val
}

// moduleValue builds the `module.name` object with the outputs asked for
// (all when outs is nil).
func (inst *modInst) moduleValue(name string, outs map[string]bool) (cty.Value, bool) {
	cs := inst.callState(name)
	if cs == nil {
		return cty.NilVal, false
	}
	if !cs.resolved || cs.kind == byUnknown {
		return cty.DynamicVal, true
	}
	objs := make([]cty.Value, len(cs.children))
	for i, child := range cs.children {
		m := map[string]cty.Value{}
		if outs == nil {
			for o := range child.mod.outputs {
				m[o] = child.output(o).v
			}
		} else {
			for o := range outs {
				if _, ok := child.mod.outputs[o]; ok {
					m[o] = child.output(o).v
				}
			}
		}
		objs[i] = cty.ObjectVal(m)
	}
	return assemble(cs.kind, cs.keys, objs), true
}

// assemble shapes instance objects as Terraform does: one object, a tuple
// for count, an object keyed by for_each keys.
func assemble(kind expandKind, keys []cty.Value, objs []cty.Value) cty.Value {
	switch kind {
	case single:
		if len(objs) == 0 {
			return cty.DynamicVal
		}
		return objs[0]
	case byCount:
		if len(objs) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(objs)
	case byForEach:
		if len(objs) == 0 {
			return cty.EmptyObjectVal
		}
		m := make(map[string]cty.Value, len(objs))
		for i, k := range keys {
			m[k.AsString()] = objs[i]
		}
		return cty.ObjectVal(m)
	}
	return cty.DynamicVal
}

// resourceValue builds the object other expressions see for a resource:
// configured attributes, unknown for the attributes the provider computes.
// fresh marks a value built for one expression, not to be cached.
func (inst *modInst) resourceValue(key string, need *resNeed) (v cty.Value, ok bool, fresh bool) {
	rs := inst.resource(key)
	if rs == nil {
		if _, declared := inst.mod.resByKey[key]; declared {
			return cty.DynamicVal, true, true // cycle: the value comes later
		}
		return cty.NilVal, false, false
	}
	if rs.kind == byUnknown {
		return cty.DynamicVal, true, false
	}
	if rs.attrs == nil {
		// Built on first reference: most resources are never referenced.
		// Each holds id and arn too, unknown unless configured: the
		// provider computes them.
		rs.attrs = make([]map[string]cty.Value, len(rs.insts))
		for i, r := range rs.insts {
			attrs := blockValueMap(r.Body, 2)
			for _, k := range [...]string{"id", "arn"} {
				if _, ok := attrs[k]; !ok {
					attrs[k] = cty.UnknownVal(cty.String)
				}
			}
			rs.attrs[i] = attrs
		}
	}
	var room [4]string
	extra := need.appendAttrs(room[:0])
	// Most references name configured attributes or id/arn, which the
	// cached object has; only others need a fresh object.
	needFresh := false
	for _, k := range extra {
		if k == "id" || k == "arn" {
			continue
		}
		for _, attrs := range rs.attrs {
			if _, ok := attrs[k]; !ok {
				needFresh = true
				break
			}
		}
	}
	if !needFresh && rs.value != cty.NilVal {
		return rs.value, true, false
	}
	if !needFresh {
		extra = nil
	}
	objs := make([]cty.Value, len(rs.insts))
	keys := make([]cty.Value, len(rs.insts))
	for i, attrs := range rs.attrs {
		m := attrs // ObjectVal copies it
		if len(extra) > 0 {
			m = make(map[string]cty.Value, len(attrs)+len(extra))
			for k, v := range attrs {
				m[k] = v
			}
			for _, k := range extra {
				if _, ok := m[k]; !ok {
					m[k] = cty.DynamicVal
				}
			}
		}
		objs[i] = cty.ObjectVal(m)
		keys[i] = rs.insts[i].Key
	}
	v = assemble(rs.kind, keys, objs)
	if !needFresh {
		rs.value = v
	}
	return v, true, needFresh
}

// resource evaluates a resource or data source (all its instances) once.
// nil when it is not declared or is being evaluated (a cycle).
func (inst *modInst) resource(key string) *resState {
	rs := inst.res[key]
	if rs == nil {
		decl := inst.mod.resByKey[key]
		if decl == nil {
			return nil
		}
		rs = &resState{decl: decl}
		inst.res[key] = rs
	}
	switch rs.state {
	case inProgress:
		return nil
	case done:
		return rs
	}
	rs.state = inProgress
	defer func() { rs.state = done }()
	d := rs.decl
	s := newScope(inst)
	kind, keys, eachVals, eachRefs := s.expand(d.count, d.forEach)
	rs.kind = kind
	// One allocation each for the instances and their scopes.
	var scopes []scope
	var slab []graph.Resource
	if len(keys) > 0 {
		scopes = make([]scope, len(keys))
		slab = make([]graph.Resource, len(keys))
		rs.insts = make([]*graph.Resource, 0, len(keys))
	}
	for i, k := range keys {
		is := &scopes[i]
		s.setKey(is, kind, i, k, eachVals[i], eachRefs)
		blockType := "resource"
		if d.mode == graph.Data {
			blockType = "data"
		}
		body := is.buildBlock(d.body, blockType, d.labels(), "", d.declRange, true)
		r := &slab[i]
		*r = graph.Resource{
			Address:     inst.prefix + d.key() + graph.KeyString(k),
			Module:      inst.path,
			Type:        d.typ,
			Name:        d.name,
			Mode:        d.mode,
			Key:         k,
			Body:        body,
			DeclRange:   d.declRange,
			BlockRange:  d.blockRange,
			ModuleCalls: inst.calls,
		}
		if kind == byUnknown {
			r.Key = cty.UnknownVal(cty.DynamicPseudoType)
			r.Address = inst.prefix + d.key() + "[*]"
		}
		rs.insts = append(rs.insts, r)
	}
	return rs
}

// expand evaluates count/for_each into instance keys (and each.value).
func (s *scope) expand(count, forEach hcl.Expression) (expandKind, []cty.Value, []cty.Value, []graph.Ref) {
	var refs []graph.Ref
	unknown := func() (expandKind, []cty.Value, []cty.Value, []graph.Ref) {
		return byUnknown, []cty.Value{cty.UnknownVal(cty.DynamicPseudoType)}, []cty.Value{cty.DynamicVal}, refs
	}
	switch {
	case count != nil:
		v := s.eval(count).v
		if !v.IsKnown() || v.IsNull() {
			return unknown()
		}
		n, ok := graph.IntOf(v)
		if !ok || n > maxInstances {
			return unknown()
		}
		if n <= 0 {
			return byCount, nil, nil, nil
		}
		keys := make([]cty.Value, n)
		for i := range keys {
			keys[i] = s.inst.re.countKey(i)
		}
		return byCount, keys, make([]cty.Value, n), nil
	case forEach != nil:
		fe := s.eval(forEach)
		v := fe.v
		refs = fe.refs
		if !v.IsKnown() || v.IsNull() {
			return unknown()
		}
		ty := v.Type()
		if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType() || ty.IsListType() || ty.IsTupleType()) {
			return unknown()
		}
		// A map's keys are known when the map is; its values may not be
		// (`for_each = aws_s3_bucket.phi`, whose ids come after apply).
		if !(ty.IsMapType() || ty.IsObjectType()) && !v.IsWhollyKnown() {
			return unknown()
		}
		if v.LengthInt() > maxInstances {
			return unknown()
		}
		var keys, vals []cty.Value
		seen := map[string]bool{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if ty.IsSetType() || ty.IsListType() || ty.IsTupleType() {
				if ev.Type() != cty.String || ev.IsNull() {
					return unknown()
				}
				k = ev
			}
			if seen[k.AsString()] {
				continue
			}
			seen[k.AsString()] = true
			keys = append(keys, k)
			vals = append(vals, ev)
		}
		if ty.IsListType() || ty.IsTupleType() {
			order := make([]int, len(keys))
			for i := range order {
				order[i] = i
			}
			sort.SliceStable(order, func(a, b int) bool { return keys[order[a]].AsString() < keys[order[b]].AsString() })
			sk, sv := make([]cty.Value, len(keys)), make([]cty.Value, len(keys))
			for i, o := range order {
				sk[i], sv[i] = keys[o], vals[o]
			}
			keys, vals = sk, sv
		}
		return byForEach, keys, vals, refs
	}
	return single, []cty.Value{cty.NilVal}, []cty.Value{cty.NilVal}, nil
}

// callState expands a module call once: resolves its source, instances and
// child module instances.
func (inst *modInst) callState(name string) *callState {
	cs := inst.callSt[name]
	if cs == nil {
		decl := inst.mod.callByName[name]
		if decl == nil {
			return nil
		}
		cs = &callState{decl: decl}
		inst.callSt[name] = cs
	}
	switch cs.state {
	case inProgress:
		return nil
	case done:
		return cs
	}
	cs.state = inProgress
	defer func() { cs.state = done }()
	d := cs.decl
	re := inst.re
	dir := ""
	switch {
	case isLocalSource(d.source):
		dir = filepath.Join(inst.mod.dir, filepath.FromSlash(d.source))
	case d.source != "":
		key := d.name
		if inst.keyPath != "" {
			key = inst.keyPath + "." + d.name
		}
		dir = re.remote[key]
	}
	if dir == "" {
		return cs // remote and not installed: outputs unknown, nothing loaded
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	for p := inst; p != nil; p = p.parent {
		if p.mod.dir == dir {
			chain := []string{}
			for q := inst; q != nil; q = q.parent {
				chain = append([]string{q.mod.display}, chain...)
				if q == p {
					break
				}
			}
			chain = append(chain, re.ld.displayName(dir))
			rng := d.declRange
			re.diag(&hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("module cycle: %s (at %smodule.%s)", strings.Join(chain, " -> "), inst.prefix, d.name),
				Detail:   fmt.Sprintf("module %q calls a module that is already being loaded; it is not loaded again.", d.name),
				Subject:  &rng,
			})
			return cs
		}
	}
	if inst.depth >= maxModuleDepth {
		rng := d.declRange
		re.diag(&hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("module %q nests deeper than %d module calls; not loaded", d.name, maxModuleDepth),
			Subject:  &rng,
		})
		return cs
	}
	mod := re.ld.getModule(dir)
	if mod == nil {
		rng := d.sourceRng
		if rng.Filename == "" {
			rng = d.declRange
		}
		re.diag(&hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  fmt.Sprintf("module %q: source %q not found", d.name, d.source),
			Subject:  &rng,
		})
		return cs
	}
	cs.resolved = true
	s := newScope(inst)
	kind, keys, eachVals, eachRefs := s.expand(d.count, d.forEach)
	cs.kind = kind
	cs.keys = keys
	for i, k := range keys {
		callScope := s.withKey(kind, i, k, eachVals[i], eachRefs)
		childKey := k
		if kind == byUnknown {
			childKey = cty.UnknownVal(cty.DynamicPseudoType)
		}
		cs.children = append(cs.children, re.newInst(mod, inst, d, childKey, callScope))
	}
	return cs
}

func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".."
}

// finalize evaluates every resource and module call of the instance, and of
// the instances it calls.
func (inst *modInst) finalize() {
	func() {
		defer func() {
			if r := recover(); r != nil {
				inst.re.diag(&hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  fmt.Sprintf("%s: internal error while evaluating module %s: %v", inst.mod.display, inst.path, r),
					Detail:   internalErrorDetail(inst.re.ld.opts.Env),
				})
			}
		}()
		for _, rd := range inst.mod.resources {
			inst.resource(rd.key())
		}
		for _, cd := range inst.mod.calls {
			inst.callState(cd.name)
		}
	}()
	for _, cd := range inst.mod.calls {
		if cs := inst.callSt[cd.name]; cs != nil {
			for _, child := range cs.children {
				child.finalize()
			}
		}
	}
}

func (re *rootEval) resources() []*graph.Resource {
	var out []*graph.Resource
	for _, inst := range re.insts {
		for _, rd := range inst.mod.resources {
			if rs := inst.res[rd.key()]; rs != nil {
				out = append(out, rs.insts...)
			}
		}
	}
	return out
}

// pathObject is path.module/path.root/path.cwd as Terraform sets them when
// run from the root directory.
func (re *rootEval) pathObject(mod *module) cty.Value {
	rel, err := filepath.Rel(re.rootDir, mod.dir)
	if err != nil {
		rel = mod.dir
	}
	return cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(filepath.ToSlash(rel)),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal(filepath.ToSlash(re.rootDir)),
	})
}

// maxValueBytes bounds the size of one evaluated value.
const maxValueBytes = 8 << 20

func tooBig(v cty.Value) bool {
	budget := maxValueBytes
	return !valueFits(v, &budget, 0)
}

func valueFits(v cty.Value, budget *int, depth int) bool {
	if depth > 64 {
		return true
	}
	*budget -= 8
	if *budget < 0 {
		return false
	}
	if !v.IsKnown() || v.IsNull() {
		return true
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		*budget -= len(v.AsString())
		return *budget >= 0
	case ty.IsObjectType():
		// By attribute rather than ElementIterator, which allocates a
		// key string per attribute; the sum spent is the same in any order.
		for name := range ty.AttributeTypes() {
			if !valueFits(v.GetAttr(name), budget, depth+1) {
				return false
			}
		}
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType():
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !valueFits(e, budget, depth+1) {
				return false
			}
		}
	}
	return true
}
