package parser

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/tflint-hipaa/tflint-hipaa/internal/nesting"
)

// planSrcModule is the syntax of one module directory beside a plan: only
// enough to find blocks by type and name, nothing is evaluated.
type planSrcModule struct {
	resources map[string]*hclsyntax.Block // "aws_s3_bucket.b", "data.x.y"
	calls     map[string]*hclsyntax.Block // module blocks by name
}

// sources returns the parsed sources of a configuration module, or nil when
// they do not sit where the plan says (the plan is then its own source).
func (b *planBuilder) sources(cm *planCfgModule) *planSrcModule {
	if cm == nil || cm.dir == "" {
		return nil
	}
	if cm.srcSet {
		return cm.src
	}
	cm.srcSet = true
	entries, err := os.ReadDir(cm.dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".tf") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	src := &planSrcModule{resources: map[string]*hclsyntax.Block{}, calls: map[string]*hclsyntax.Block{}}
	for _, n := range names {
		path := filepath.Join(cm.dir, n)
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		rel := planRelName(b.opts.WorkDir, path)
		if b.files != nil {
			b.files[rel] = data
		}
		body := planParseHCL(data, rel)
		if body == nil {
			continue
		}
		for _, blk := range body.Blocks {
			switch {
			case blk.Type == "resource" && len(blk.Labels) == 2:
				planKeepFirst(src.resources, blk.Labels[0]+"."+blk.Labels[1], blk)
			case blk.Type == "data" && len(blk.Labels) == 2:
				planKeepFirst(src.resources, "data."+blk.Labels[0]+"."+blk.Labels[1], blk)
			case blk.Type == "module" && len(blk.Labels) == 1:
				planKeepFirst(src.calls, blk.Labels[0], blk)
			}
		}
	}
	cm.src = src
	return src
}

func planKeepFirst(m map[string]*hclsyntax.Block, key string, blk *hclsyntax.Block) {
	if _, ok := m[key]; !ok {
		m[key] = blk
	}
}

// planNestedSrc finds the source of the i-th of n nested blocks of a type,
// in source order as the HCL loader numbers them: literal blocks count one
// each, a `dynamic` block as many as it generates. With one dynamic block of
// the type that number is n less the literal ones; with more, which
// generated which is not known and the first dynamic block stands for them.
// i < 0 asks for the dynamic block (an unknown number of blocks).
func planNestedSrc(body *hclsyntax.Body, typ string, i, n int) *hclsyntax.Block {
	if body == nil {
		return nil
	}
	var entries, literals, dynamics []*hclsyntax.Block
	for _, blk := range body.Blocks {
		switch {
		case blk.Type == typ:
			entries = append(entries, blk)
			literals = append(literals, blk)
		case blk.Type == "dynamic" && len(blk.Labels) == 1 && blk.Labels[0] == typ:
			entries = append(entries, blk)
			dynamics = append(dynamics, blk)
		}
	}
	switch {
	case i < 0 && len(dynamics) > 0:
		return planDynamicContent(dynamics[0], typ)
	case i < 0 && len(literals) > 0:
		return literals[0]
	case i < 0:
		return nil
	case len(dynamics) == 0:
		if i < len(literals) {
			return literals[i]
		}
		return nil
	case len(dynamics) == 1 && n >= len(literals):
		generated := n - len(literals)
		pos := 0
		for _, e := range entries {
			if e.Type == typ {
				if pos == i {
					return e
				}
				pos++
				continue
			}
			if i < pos+generated {
				return planDynamicContent(e, typ)
			}
			pos += generated
		}
		return nil
	}
	if i < len(literals) {
		return literals[i]
	}
	return planDynamicContent(dynamics[0], typ)
}

// planDynamicContent stands for a block a `dynamic` block generates: its
// header is the dynamic block's, its attributes those of its content.
func planDynamicContent(dynamic *hclsyntax.Block, typ string) *hclsyntax.Block {
	for _, c := range dynamic.Body.Blocks {
		if c.Type == "content" {
			return &hclsyntax.Block{Type: typ, Body: c.Body, TypeRange: dynamic.TypeRange, LabelRanges: dynamic.LabelRanges, OpenBraceRange: dynamic.OpenBraceRange, CloseBraceRange: dynamic.CloseBraceRange}
		}
	}
	return dynamic
}

// nestedRange is the header of the i-th of n nested blocks of a type, or
// the enclosing block's when the source does not show it.
func (b *planBuilder) nestedRange(body *hclsyntax.Body, typ string, i, n int, enclosing hcl.Range) hcl.Range {
	if blk := planNestedSrc(body, typ, i, n); blk != nil {
		return blk.DefRange()
	}
	return enclosing
}

// lineRange is the line of the plan file where `"address": "<addr>"` first
// appears, from column 1: where a finding points when no source is beside
// the plan. Terraform writes planned_values first, so that is the line found.
func (b *planBuilder) lineRange(addr string) hcl.Range {
	if b.addrLines == nil {
		b.indexAddressLines()
	}
	line, ok := b.addrLines[addr]
	if !ok {
		return hcl.Range{Filename: b.name, Start: hcl.InitialPos, End: hcl.InitialPos}
	}
	start := b.lineStarts[line-1]
	end := len(b.data)
	if line < len(b.lineStarts) {
		end = b.lineStarts[line] - 1
	}
	if end > start && b.data[end-1] == '\r' {
		end--
	}
	return hcl.Range{
		Filename: b.name,
		Start:    hcl.Pos{Line: line, Column: 1, Byte: start},
		End:      hcl.Pos{Line: line, Column: end - start + 1, Byte: end},
	}
}

// hasAddressLine answers whether the plan names addr in an "address" key.
func (b *planBuilder) hasAddressLine(addr string) bool {
	if b.addrLines == nil {
		b.indexAddressLines()
	}
	_, ok := b.addrLines[addr]
	return ok
}

// indexAddressLines scans the plan once for every "address" key.
func (b *planBuilder) indexAddressLines() {
	b.addrLines = map[string]int{}
	b.lineStarts = []int{0}
	for i, c := range b.data {
		if c == '\n' {
			b.lineStarts = append(b.lineStarts, i+1)
		}
	}
	key := []byte(`"address"`)
	data := b.data
	off := 0
	for {
		i := bytes.Index(data[off:], key)
		if i < 0 {
			return
		}
		at := off + i
		off = at + len(key)
		j := off
		for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n') {
			j++
		}
		if j >= len(data) || data[j] != ':' {
			continue
		}
		j++
		for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n') {
			j++
		}
		if j >= len(data) || data[j] != '"' {
			continue
		}
		end := j + 1
		escaped := false
		for end < len(data) && data[end] != '"' {
			if data[end] == '\\' {
				escaped = true
				end++
			}
			end++
		}
		if end >= len(data) {
			return
		}
		var addr string
		if escaped {
			if json.Unmarshal(data[j:end+1], &addr) != nil {
				continue
			}
		} else {
			addr = string(data[j+1 : end])
		}
		if _, seen := b.addrLines[addr]; !seen {
			b.addrLines[addr] = sort.SearchInts(b.lineStarts, at+1)
		}
		off = end + 1
	}
}

// lockedAWSVersion reads the AWS provider version from a
// .terraform.lock.hcl beside the plan; "" when there is none.
func (b *planBuilder) lockedAWSVersion() string {
	path := filepath.Join(b.sourceDir(), ".terraform.lock.hcl")
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	rel := planRelName(b.opts.WorkDir, path)
	if b.files != nil {
		b.files[rel] = data
	}
	body := planParseHCL(data, rel)
	if body == nil {
		return ""
	}
	for _, blk := range body.Blocks {
		if blk.Type != "provider" || len(blk.Labels) != 1 {
			continue
		}
		src := blk.Labels[0]
		if !strings.HasSuffix(src, "/hashicorp/aws") && src != "hashicorp/aws" {
			continue
		}
		attr := blk.Body.Attributes["version"]
		if attr == nil {
			continue
		}
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type().FriendlyName() != "string" {
			continue
		}
		return v.AsString()
	}
	return ""
}

// planParseHCL parses a native-syntax file for its blocks. A file with
// syntax errors still yields the blocks before the error; the HCL loader is
// the one that reports them. nil when nothing usable comes out.
func planParseHCL(data []byte, name string) (body *hclsyntax.Body) {
	if nesting.TooDeep(data) {
		return nil
	}
	defer func() {
		// Source mapping is a convenience: a parser failure on odd input
		// leaves the plan as its own source rather than ending the run.
		if recover() != nil {
			body = nil
		}
	}()
	file, _ := hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	if file == nil {
		return nil
	}
	body, _ = file.Body.(*hclsyntax.Body)
	return body
}

// planReadModulesJSON maps modules.json keys to module directories; a
// manifest that cannot be read only means remote sources are not mapped.
func planReadModulesJSON(rootDir string) map[string]string {
	data, err := readRegular(filepath.Join(rootDir, ".terraform", "modules", "modules.json"))
	if err != nil {
		return nil
	}
	out, _ := moduleManifest(data, rootDir)
	return out
}
