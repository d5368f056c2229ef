package parser

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/internal/nesting"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// module is the static configuration of one directory, shared read-only by
// every instance of it (each root or module call that uses it).
type module struct {
	dir     string // real absolute path
	display string // relative to WorkDir

	variables map[string]*variableDecl
	locals    map[string]*hcl.Attribute
	outputs   map[string]*hcl.Attribute

	resources   []*resourceDecl
	resByKey    map[string]*resourceDecl // "aws_x.y" / "data.aws_x.y"
	calls       []*callDecl
	callByName  map[string]*callDecl
	awsVersions []string // required_providers constraints for the AWS provider
}

type variableDecl struct {
	name     string
	body     hcl.Body
	typ      cty.Type
	defaults *typeexpr.Defaults
	def      cty.Value // cty.NilVal when there is no default
	nullable bool
}

type resourceDecl struct {
	mode       graph.Mode
	typ, name  string
	body       hcl.Body
	count      hcl.Expression
	forEach    hcl.Expression
	declRange  hcl.Range
	blockRange hcl.Range

	// addr and typeName are key() and {typ, name}, made once rather than
	// for every instance: the declaration is read-only once loaded.
	addr     string
	typeName []string
}

func (r *resourceDecl) key() string {
	if r.addr != "" {
		return r.addr
	}
	if r.mode == graph.Data {
		return "data." + r.typ + "." + r.name
	}
	return r.typ + "." + r.name
}

// labels are the resource block's labels, shared by its instances' bodies.
func (r *resourceDecl) labels() []string {
	if r.typeName != nil {
		return r.typeName
	}
	return []string{r.typ, r.name}
}

type callDecl struct {
	name       string
	body       hcl.Body
	source     string
	sourceRng  hcl.Range
	count      hcl.Expression
	forEach    hcl.Expression
	inputs     map[string]*hcl.Attribute
	declRange  hcl.Range
	blockRange hcl.Range
}

type parsedFile struct {
	name   string
	body   hcl.Body
	isJSON bool
}

type fileJob struct {
	abs, name string
}

// parseFiles reads and parses files on all cores. Results keep the order of jobs.
func (ld *loader) parseFiles(jobs []fileJob) ([]*parsedFile, []hcl.Diagnostics) {
	files := make([]*parsedFile, len(jobs))
	diags := make([]hcl.Diagnostics, len(jobs))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(jobs) {
		workers = len(jobs)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				files[i], diags[i] = ld.parseFile(jobs[i])
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return files, diags
}

func (ld *loader) parseFile(job fileJob) (pf *parsedFile, diags hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			pf = nil
			diags = hcl.Diagnostics{fileDiag(job.name, fmt.Sprintf("internal error while parsing: %v", r))}
		}
	}()
	data, err := readLimited(job.abs)
	if err != nil {
		return nil, hcl.Diagnostics{fileDiag(job.name, err.Error())}
	}
	ld.addFile(job.name, data)
	if looksBinary(data) {
		return nil, hcl.Diagnostics{fileDiag(job.name, "file is binary, not Terraform source")}
	}
	if nesting.TooDeep(data) {
		return nil, hcl.Diagnostics{fileDiag(job.name, fmt.Sprintf("brackets nest deeper than %d levels", nesting.Max))}
	}
	var f *hcl.File
	isJSON := strings.HasSuffix(job.name, ".json")
	if isJSON {
		f, diags = hcljson.Parse(data, job.name)
	} else {
		f, diags = hclsyntax.ParseConfig(data, job.name, hcl.InitialPos)
	}
	if f == nil || f.Body == nil {
		return nil, diags
	}
	return &parsedFile{name: job.name, body: f.Body, isJSON: isJSON}, diags
}

func fileDiag(name, msg string) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  name + ": " + msg,
		Subject:  &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos},
	}
}

func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// moduleFiles lists the .tf and .tf.json files of a directory, sorted.
func (ld *loader) moduleFiles(dir string) ([]fileJob, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var jobs []fileJob
	for _, e := range entries {
		name := e.Name()
		if !isTFFile(name) || strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(dir, name)
		if ld.excluded(full) {
			// --exclude names files too, not only directories.
			continue
		}
		mode := e.Type()
		if mode&os.ModeSymlink != 0 {
			info, err := os.Stat(full)
			if err != nil {
				ld.addDiags(fileDiag(ld.displayName(full), "cannot read: "+err.Error()))
				continue
			}
			mode = info.Mode().Type()
		}
		if !mode.IsRegular() {
			// Directories named x.tf, FIFOs, devices: nothing to parse, and
			// opening a FIFO would block.
			continue
		}
		jobs = append(jobs, fileJob{abs: full, name: ld.displayName(full)})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].abs < jobs[j].abs })
	return jobs, nil
}

// preloadModules parses every file of the scanned directories in one
// parallel pass, then builds the modules.
func (ld *loader) preloadModules(dirs []string) {
	var jobs []fileJob
	spans := make([][2]int, len(dirs))
	for i, dir := range dirs {
		js, err := ld.moduleFiles(dir)
		if err != nil {
			ld.addDiags(pathDiag(hcl.DiagError, "%s: %v", ld.displayName(dir), err))
		}
		spans[i] = [2]int{len(jobs), len(jobs) + len(js)}
		jobs = append(jobs, js...)
	}
	files, diags := ld.parseFiles(jobs)
	for _, d := range diags {
		ld.addDiags(d...)
	}
	for i, dir := range dirs {
		mod := ld.buildModule(dir, files[spans[i][0]:spans[i][1]])
		ld.modMu.Lock()
		e := &moduleEntry{mod: mod}
		e.once.Do(func() {})
		ld.modules[dir] = e
		ld.modMu.Unlock()
	}
}

// getModule returns the parsed module of a directory, parsing it on first use
// (module sources outside the scanned tree, .terraform/modules). nil when the
// directory does not exist.
func (ld *loader) getModule(dir string) *module {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	ld.modMu.Lock()
	e := ld.modules[dir]
	if e == nil {
		e = &moduleEntry{}
		ld.modules[dir] = e
	}
	ld.modMu.Unlock()
	e.once.Do(func() {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() {
			return
		}
		jobs, err := ld.moduleFiles(dir)
		if err != nil {
			ld.addDiags(pathDiag(hcl.DiagError, "%s: %v", ld.displayName(dir), err))
		}
		files, diags := ld.parseFiles(jobs)
		for _, d := range diags {
			ld.addDiags(d...)
		}
		e.mod = ld.buildModule(dir, files)
	})
	return e.mod
}

var topSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "terraform"},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "module", LabelNames: []string{"name"}},
	},
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "type"}, {Name: "nullable"}},
}

var terraformSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{{Type: "required_providers"}},
}

// buildModule indexes the declarations of a module's files. Files that did
// not parse contribute whatever the parser recovered.
func (ld *loader) buildModule(dir string, files []*parsedFile) (mod *module) {
	mod = &module{
		dir:        dir,
		display:    ld.displayName(dir),
		variables:  map[string]*variableDecl{},
		locals:     map[string]*hcl.Attribute{},
		outputs:    map[string]*hcl.Attribute{},
		resByKey:   map[string]*resourceDecl{},
		callByName: map[string]*callDecl{},
	}
	// Override files apply after all others, in name order, as in Terraform.
	for _, override := range []bool{false, true} {
		for _, f := range files {
			if f == nil || isOverrideFile(f.name) != override {
				continue
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						ld.addDiags(fileDiag(f.name, fmt.Sprintf("internal error while reading declarations: %v", r)))
					}
				}()
				mod.addFile(f, override)
			}()
		}
	}
	return mod
}

func isOverrideFile(name string) bool {
	base := path.Base(name)
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// mergeBodies applies an override block to the block it overrides:
// attributes replace attributes of the same name, and nested blocks of a
// type the override has replace all blocks of that type. Only native syntax
// is merged; a JSON override is not applied.
func mergeBodies(base, over hcl.Body) hcl.Body {
	b, ok1 := base.(*hclsyntax.Body)
	o, ok2 := over.(*hclsyntax.Body)
	if !ok1 || !ok2 {
		return base
	}
	merged := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: b.SrcRange, EndRange: b.EndRange}
	for k, a := range b.Attributes {
		merged.Attributes[k] = a
	}
	for k, a := range o.Attributes {
		merged.Attributes[k] = a
	}
	replaced := map[string]bool{}
	for _, blk := range o.Blocks {
		replaced[blk.Type] = true
	}
	for _, blk := range b.Blocks {
		if !replaced[blk.Type] {
			merged.Blocks = append(merged.Blocks, blk)
		}
	}
	merged.Blocks = append(merged.Blocks, o.Blocks...)
	return merged
}

func (mod *module) addFile(f *parsedFile, override bool) {
	content, _, _ := f.body.PartialContent(topSchema)
	if content == nil {
		return
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "terraform":
			mod.addTerraformBlock(b)
		case "variable":
			if prev := mod.variables[b.Labels[0]]; override && prev != nil {
				b = &hcl.Block{Type: b.Type, Labels: b.Labels, Body: mergeBodies(prev.body, b.Body), DefRange: b.DefRange}
				delete(mod.variables, b.Labels[0])
			}
			mod.addVariable(b, f.isJSON)
		case "locals":
			attrs, _ := b.Body.JustAttributes()
			for name, a := range attrs {
				if _, dup := mod.locals[name]; !dup || override {
					mod.locals[name] = a
				}
			}
		case "output":
			attrs, _ := b.Body.JustAttributes()
			if a := attrs["value"]; a != nil {
				if _, dup := mod.outputs[b.Labels[0]]; !dup || override {
					mod.outputs[b.Labels[0]] = a
				}
			}
		case "resource", "data":
			mode := graph.Managed
			if b.Type == "data" {
				mode = graph.Data
			}
			rd := &resourceDecl{
				mode: mode, typ: b.Labels[0], name: b.Labels[1], body: b.Body,
				declRange: b.DefRange, blockRange: blockRange(b),
			}
			rd.addr = rd.key()
			rd.typeName = []string{rd.typ, rd.name}
			if prev := mod.resByKey[rd.key()]; override && prev != nil {
				// The resource keeps its place; its body takes the override.
				prev.body = mergeBodies(prev.body, b.Body)
				rd = prev
			}
			attrs, _ := justMeta(rd.body)
			if a := attrs["count"]; a != nil {
				rd.count = a.Expr
			}
			if a := attrs["for_each"]; a != nil {
				rd.forEach = a.Expr
			}
			if _, dup := mod.resByKey[rd.key()]; !dup {
				mod.resByKey[rd.key()] = rd
				mod.resources = append(mod.resources, rd)
			}
		case "module":
			cd := &callDecl{name: b.Labels[0], body: b.Body, declRange: b.DefRange, blockRange: blockRange(b), inputs: map[string]*hcl.Attribute{}}
			if prev := mod.callByName[cd.name]; override && prev != nil {
				body := mergeBodies(prev.body, b.Body)
				*prev = callDecl{name: prev.name, body: body, declRange: prev.declRange, blockRange: prev.blockRange, inputs: map[string]*hcl.Attribute{}}
				cd = prev
			}
			attrs, _ := justMeta(cd.body)
			for name, a := range attrs {
				switch name {
				case "source":
					v, d := a.Expr.Value(nil)
					if !d.HasErrors() && v.IsWhollyKnown() && !v.IsNull() && v.Type() == cty.String {
						cd.source = v.AsString()
					}
					cd.sourceRng = a.Range
				case "count":
					cd.count = a.Expr
				case "for_each":
					cd.forEach = a.Expr
				case "version", "providers", "depends_on":
				default:
					cd.inputs[name] = a
				}
			}
			if _, dup := mod.callByName[cd.name]; !dup {
				mod.callByName[cd.name] = cd
				mod.calls = append(mod.calls, cd)
			}
		}
	}
}

// justMeta returns the attributes directly in a block body, whatever its syntax.
func justMeta(body hcl.Body) (hcl.Attributes, hcl.Diagnostics) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		out := make(hcl.Attributes, len(sb.Attributes))
		for name, a := range sb.Attributes {
			out[name] = a.AsHCLAttribute()
		}
		return out, nil
	}
	// Every property: a module input or meta-argument may hold an object.
	return body.JustAttributes()
}

func blockRange(b *hcl.Block) hcl.Range {
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(b.DefRange, sb.SrcRange)
	}
	if r := b.Body.MissingItemRange(); r.Filename == b.DefRange.Filename {
		return hcl.RangeBetween(b.DefRange, r)
	}
	return b.DefRange
}

func (mod *module) addTerraformBlock(b *hcl.Block) {
	content, _, _ := b.Body.PartialContent(terraformSchema)
	if content == nil {
		return
	}
	for _, rp := range content.Blocks {
		attrs, _ := rp.Body.JustAttributes()
		names := make([]string, 0, len(attrs))
		for n := range attrs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			v, d := attrs[name].Expr.Value(nil)
			if d.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
				continue
			}
			var source, constraint string
			switch {
			case v.Type() == cty.String:
				constraint = v.AsString()
			case v.Type().IsObjectType() || v.Type().IsMapType():
				m := v.AsValueMap()
				if s, ok := m["source"]; ok && s.Type() == cty.String && s.IsKnown() && !s.IsNull() {
					source = s.AsString()
				}
				if s, ok := m["version"]; ok && s.Type() == cty.String && s.IsKnown() && !s.IsNull() {
					constraint = s.AsString()
				}
			}
			isAWS := false
			if source != "" {
				src := strings.ToLower(source)
				isAWS = src == "hashicorp/aws" || strings.HasSuffix(src, "/hashicorp/aws")
			} else {
				isAWS = name == "aws"
			}
			if isAWS && constraint != "" {
				mod.awsVersions = append(mod.awsVersions, constraint)
			}
		}
	}
}

func (mod *module) addVariable(b *hcl.Block, isJSON bool) {
	name := b.Labels[0]
	if _, dup := mod.variables[name]; dup {
		return
	}
	vd := &variableDecl{name: name, body: b.Body, typ: cty.DynamicPseudoType, def: cty.NilVal, nullable: true}
	content, _, _ := b.Body.PartialContent(variableSchema)
	if content != nil {
		if a := content.Attributes["type"]; a != nil {
			expr := a.Expr
			if isJSON {
				// In JSON the type is a string holding a type expression.
				if v, d := expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
					if e, d := hclsyntax.ParseExpression([]byte(v.AsString()), a.Range.Filename, a.Expr.Range().Start); !d.HasErrors() {
						expr = e
					}
				}
			}
			if ty, defs, d := typeexpr.TypeConstraintWithDefaults(expr); !d.HasErrors() {
				vd.typ, vd.defaults = ty, defs
			}
		}
		if a := content.Attributes["default"]; a != nil {
			if v, d := a.Expr.Value(nil); !d.HasErrors() {
				vd.def = v
			} else {
				vd.def = cty.DynamicVal
			}
		}
		if a := content.Attributes["nullable"]; a != nil {
			if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.Bool && v.IsKnown() && !v.IsNull() {
				vd.nullable = v.True()
			}
		}
	}
	if vd.def != cty.NilVal {
		vd.def = convertVar(vd, vd.def)
	}
	mod.variables[name] = vd
}
