// Package graph is the resource model every input becomes: HCL modules and
// plan JSON alike, so every rule runs on both without knowing which.
//
// It holds no parsing. pkg/parser builds it; pkg/policies reads it.
package graph

import (
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Mode tells managed resources from data sources.
type Mode int8

const (
	Managed Mode = iota
	Data
)

// Ref is an edge from an expression to a resource it refers to.
type Ref struct {
	// Base is the absolute address of the referenced resource without its
	// instance key: "module.net.aws_vpc.main", "data.aws_iam_policy_document.tls".
	// Module instance keys are part of it: `module.db["a"].aws_kms_key.k`.
	Base string
	// Key is the instance key when the expression names one statically
	// (aws_subnet.app[0]); cty.NilVal when it names none or it is not known.
	Key cty.Value
	// Attr is the first attribute after the resource ("id", "arn", "json"); "" if none.
	Attr string
}

// Node is something a finding can point at: an attribute or a nested block.
type Node interface {
	NodePath() string
	NodeRange() hcl.Range
}

// Attribute is one `name = expr` of a resource or nested block.
type Attribute struct {
	Name string
	// Path is the attribute's path inside its resource, with block indexes:
	// "root_block_device[0].encrypted". It keys fingerprints, so it must not
	// depend on line numbers.
	Path string
	// Value is cty.DynamicVal (or a typed unknown) when not statically known;
	// never cty.NilVal.
	Value cty.Value
	// Range covers the whole attribute (`name = expr`) where sources are known.
	Range hcl.Range
	// Refs are the resources the expression refers to.
	Refs []Ref
	// Document is, for an attribute written as `jsonencode(...)` whose
	// result is not wholly known, the value before encoding; cty.NilVal
	// otherwise. A policy with a bucket ARN inside is unknown as a string,
	// yet its statements are known: rules read them through JSON.
	Document cty.Value
}

func (a *Attribute) NodePath() string     { return a.Path }
func (a *Attribute) NodeRange() hcl.Range { return a.Range }

// Bool answers whether the attribute is true. A nil attribute is Unknown:
// the caller decides what an omitted attribute means.
func (a *Attribute) Bool() Tri {
	if a == nil {
		return Unknown
	}
	return BoolOf(a.Value)
}

// String returns the known string value.
func (a *Attribute) String() (string, bool) {
	if a == nil {
		return "", false
	}
	return StringOf(a.Value)
}

// Int returns the known integer value.
func (a *Attribute) Int() (int64, bool) {
	if a == nil {
		return 0, false
	}
	return IntOf(a.Value)
}

// IsSet answers whether the attribute holds a value. A reference to a resource
// counts as set even when its value is unknown before apply
// (`kms_key_id = aws_kms_key.k.arn`).
func (a *Attribute) IsSet() Tri {
	if a == nil {
		return False
	}
	if len(a.Refs) > 0 {
		return True
	}
	if !a.Value.IsKnown() {
		return Unknown
	}
	if a.Value.IsNull() {
		return False
	}
	if a.Value.Type() == cty.String && a.Value.AsString() == "" {
		return False
	}
	return True
}

// Block is a resource body or a nested block (`root_block_device { ... }`).
type Block struct {
	Type   string
	Labels []string
	// Path is the block's path inside its resource ("" for the resource body,
	// "listener[1]", "ebs_block_device[0]").
	Path   string
	Attrs  map[string]*Attribute
	Blocks []*Block
	// Range is the block header (`root_block_device {`), or for a resource body
	// the resource header.
	Range hcl.Range
	// Unknown marks a stand-in for zero or more blocks whose number and content
	// could not be determined (a `dynamic` block over an unknown collection).
	Unknown bool
}

func (b *Block) NodePath() string     { return b.Path }
func (b *Block) NodeRange() hcl.Range { return b.Range }

// Attr returns the named attribute, or nil when it is omitted. A known null
// counts as omitted, as Terraform treats `x = null`, and as plans write an
// optional attribute the configuration does not set.
func (b *Block) Attr(name string) *Attribute {
	if b == nil {
		return nil
	}
	a := b.Attrs[name]
	if a != nil && len(a.Refs) == 0 && a.Value.IsKnown() && a.Value.IsNull() {
		return nil
	}
	return a
}

// NestedBlocks returns the nested blocks of one type, in source order,
// including Unknown stand-ins.
func (b *Block) NestedBlocks(typ string) []*Block {
	if b == nil {
		return nil
	}
	var out []*Block
	for _, nb := range b.Blocks {
		if nb.Type == typ {
			out = append(out, nb)
		}
	}
	return out
}

// HasUnknownBlocks answers whether some blocks of the type could not be
// determined, so "no such block" cannot be concluded.
func (b *Block) HasUnknownBlocks(typ string) bool {
	for _, nb := range b.NestedBlocks(typ) {
		if nb.Unknown {
			return true
		}
	}
	return false
}

// AllAttributes calls fn for every attribute of b and its nested blocks,
// depth-first in a stable order.
func (b *Block) AllAttributes(fn func(*Attribute)) {
	if b == nil {
		return
	}
	names := make([]string, 0, len(b.Attrs))
	for n := range b.Attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fn(b.Attrs[n])
	}
	for _, nb := range b.Blocks {
		nb.AllAttributes(fn)
	}
}

// Resource is one instance of a resource or data source.
type Resource struct {
	// Address is the full instance address: `module.db.aws_db_instance.main[0]`.
	Address string
	// Module is the module instance path, "" for the root: `module.app["a"].module.db`.
	Module string
	Type   string
	Name   string
	Mode   Mode
	// Key is the instance key from count (number) or for_each (string);
	// cty.NilVal when the resource has neither; an unknown value when the
	// collection could not be evaluated (the resource then stands for all instances).
	Key cty.Value
	// Body holds the attributes and nested blocks.
	Body *Block
	// DeclRange is the resource block header in its source file.
	DeclRange hcl.Range
	// BlockRange spans the whole resource block, when sources are known.
	BlockRange hcl.Range
	// ModuleCalls are the `module` blocks that led to this resource, outermost first.
	ModuleCalls []ModuleCall
}

// ModuleCall is one `module "name" { ... }` block on the path to a resource.
type ModuleCall struct {
	Name string
	// Address is the module instance address: `module.app["a"]`.
	Address string
	// DeclRange is the `module "name"` header; BlockRange the whole block.
	DeclRange  hcl.Range
	BlockRange hcl.Range
}

// Base is the address without the instance key; references resolve on it.
func (r *Resource) Base() string {
	local := r.Type + "." + r.Name
	if r.Mode == Data {
		local = "data." + local
	}
	if r.Module == "" {
		return local
	}
	return r.Module + "." + local
}

// Attr is shorthand for r.Body.Attr(name).
func (r *Resource) Attr(name string) *Attribute { return r.Body.Attr(name) }

// Blocks is shorthand for r.Body.NestedBlocks(typ).
func (r *Resource) Blocks(typ string) []*Block { return r.Body.NestedBlocks(typ) }

// Edge is one reference from an attribute of From to another resource.
type Edge struct {
	From *Resource
	Attr *Attribute
}

// Graph is one root module (or one plan) with every resource it creates.
type Graph struct {
	// Root names the root module directory or plan file, relative to the
	// working directory with forward slashes.
	Root string
	// Provider is what is known of the AWS provider version.
	Provider ProviderVersion
	// Resources are in a deterministic order: by module, type, name, key.
	Resources []*Resource

	memoMu sync.Mutex
	memos  map[any]any

	byType    map[string][]*Resource
	byBase    map[string][]*Resource
	referrers map[string][]Edge // target base address → edges
	// byInstance maps base address + KeyString to the instance with that
	// known key, so resolving `aws_subnet.app[count.index]` is a lookup rather
	// than a scan of every instance (n instances referring to n was n²).
	byInstance map[string]*Resource
}

// New indexes resources once, both ways, so rules never scan the whole graph.
func New(root string, provider ProviderVersion, resources []*Resource) *Graph {
	g := &Graph{Root: root, Provider: provider, Resources: resources}
	// Sort keys are computed once: Base and KeyString allocate, and a
	// comparator calls them O(n log n) times.
	type sortKey struct {
		r         *Resource
		base, key string
	}
	keyed := make([]sortKey, len(resources))
	for i, r := range resources {
		keyed[i] = sortKey{r, r.Base(), KeyString(r.Key)}
	}
	sort.SliceStable(keyed, func(i, j int) bool {
		a, b := keyed[i], keyed[j]
		if a.r.Module != b.r.Module {
			return a.r.Module < b.r.Module
		}
		if a.base != b.base {
			return a.base < b.base
		}
		return a.key < b.key
	})
	g.byInstance = make(map[string]*Resource, len(keyed))
	for i := range keyed {
		r := keyed[i].r
		g.Resources[i] = r
		if r.Key != cty.NilVal && r.Key.IsKnown() && !r.Key.IsNull() {
			if _, dup := g.byInstance[keyed[i].base+keyed[i].key]; !dup {
				g.byInstance[keyed[i].base+keyed[i].key] = r
			}
		}
	}
	g.byType = make(map[string][]*Resource)
	g.byBase = make(map[string][]*Resource)
	g.referrers = make(map[string][]Edge)
	for i := range keyed {
		r := keyed[i].r
		if r.Mode == Managed {
			g.byType[r.Type] = append(g.byType[r.Type], r)
		} else {
			g.byType["data."+r.Type] = append(g.byType["data."+r.Type], r)
		}
		g.byBase[keyed[i].base] = append(g.byBase[keyed[i].base], r)
	}
	var withRefs []*Attribute
	for _, r := range g.Resources {
		withRefs = g.addReferrers(r, r.Body, withRefs[:0])
	}
	return g
}

// addReferrers records r's edges from b and its nested blocks in
// AllAttributes order. Only attributes with references are sorted: most
// have none, and sorting every block's names was most of New's time.
func (g *Graph) addReferrers(r *Resource, b *Block, scratch []*Attribute) []*Attribute {
	if b == nil {
		return scratch
	}
	scratch = scratch[:0]
	for _, a := range b.Attrs {
		if len(a.Refs) > 0 {
			scratch = append(scratch, a)
		}
	}
	if len(scratch) > 1 {
		sort.Slice(scratch, func(i, j int) bool { return scratch[i].Name < scratch[j].Name })
	}
	for _, a := range scratch {
		for i, ref := range a.Refs {
			if refBaseSeen(a.Refs[:i], ref.Base) {
				continue
			}
			g.referrers[ref.Base] = append(g.referrers[ref.Base], Edge{From: r, Attr: a})
		}
	}
	for _, nb := range b.Blocks {
		scratch = g.addReferrers(r, nb, scratch)
	}
	return scratch
}

// refBaseSeen answers whether an earlier ref has the base; attributes have
// few refs, so a scan beats allocating a set per attribute.
func refBaseSeen(earlier []Ref, base string) bool {
	for _, r := range earlier {
		if r.Base == base {
			return true
		}
	}
	return false
}

// OfType returns the managed resources of a type ("data.aws_iam_policy_document" for data sources).
func (g *Graph) OfType(typ string) []*Resource { return g.byType[typ] }

// Resolve returns the resources a reference names: the one instance when its
// key is known, every instance otherwise.
func (g *Graph) Resolve(ref Ref) []*Resource {
	all := g.byBase[ref.Base]
	if ref.Key == cty.NilVal || !ref.Key.IsKnown() || ref.Key.IsNull() {
		return all
	}
	if r, ok := g.byInstance[ref.Base+KeyString(ref.Key)]; ok {
		return []*Resource{r}
	}
	// An instance we could not expand (unknown key) may be the one meant.
	var out []*Resource
	for _, r := range all {
		if r.Key != cty.NilVal && !r.Key.IsKnown() {
			out = append(out, r)
		}
	}
	return out
}

// Follow returns the resources of type typ ("" for any) that attribute a refers to.
func (g *Graph) Follow(a *Attribute, typ string) []*Resource {
	if a == nil {
		return nil
	}
	var out []*Resource
	for _, ref := range a.Refs {
		for _, r := range g.Resolve(ref) {
			if typ == "" || r.Type == typ || (r.Mode == Data && "data."+r.Type == typ) {
				out = append(out, r)
			}
		}
	}
	return dedupe(out)
}

// Referrers returns the edges from resources of type typ ("" for any) that
// refer to target, in a deterministic order. An edge whose reference names
// another instance of target's resource is left out.
func (g *Graph) Referrers(target *Resource, typ string) []Edge {
	var out []Edge
	for _, e := range g.referrers[target.Base()] {
		if typ != "" && e.From.Type != typ {
			continue
		}
		if !refersToInstance(e.Attr, target) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func refersToInstance(a *Attribute, target *Resource) bool {
	for _, ref := range a.Refs {
		if ref.Base != target.Base() {
			continue
		}
		if ref.Key == cty.NilVal || !ref.Key.IsKnown() || target.Key == cty.NilVal || !target.Key.IsKnown() {
			return true
		}
		if KeyString(ref.Key) == KeyString(target.Key) {
			return true
		}
	}
	return false
}

// WithAttrValue returns the resources of a type whose attribute holds the
// known string value; it is how wiring by literal name is followed
// (`bucket = "acme-phi"` in a split S3 resource).
func (g *Graph) WithAttrValue(typ, attr, value string) []*Resource {
	var out []*Resource
	for _, r := range g.OfType(typ) {
		if s, ok := r.Attr(attr).String(); ok && s == value {
			out = append(out, r)
		}
	}
	return out
}

func dedupe(rs []*Resource) []*Resource {
	seen := make(map[*Resource]bool, len(rs))
	out := rs[:0]
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// KeyString renders an instance key as Terraform writes it in addresses:
// `[0]`, `["a"]`, `[*]` when unknown, "" when none.
func KeyString(k cty.Value) string {
	if k == cty.NilVal {
		return ""
	}
	if !k.IsKnown() || k.IsNull() {
		return "[*]"
	}
	switch k.Type() {
	case cty.Number:
		// count indexes are small integers; formatting them through
		// big.Float.Text dominated sorting a 50,000-resource plan.
		bf := k.AsBigFloat()
		if i, acc := bf.Int64(); acc == big.Exact && i != 0 {
			return "[" + strconv.FormatInt(i, 10) + "]"
		}
		return "[" + bf.Text('f', -1) + "]"
	case cty.String:
		return "[" + quote(k.AsString()) + "]"
	}
	return "[*]"
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Memo returns the value built for key on this graph, building it on first
// use. Rules keep their own derived indexes here (literal-name wiring,
// per-subnet answers), so each is built once per graph, is shared by every
// resource and rule that asks, and goes away with the graph. key should be a
// comparable value of a type private to the caller.
func (g *Graph) Memo(key any, build func() any) any {
	g.memoMu.Lock()
	defer g.memoMu.Unlock()
	if v, ok := g.memos[key]; ok {
		return v
	}
	if g.memos == nil {
		g.memos = map[any]any{}
	}
	v := build()
	g.memos[key] = v
	return v
}
