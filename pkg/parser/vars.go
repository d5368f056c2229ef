package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/tflint-hipaa/tflint-hipaa/internal/nesting"
)

// rawVar is a root variable value before conversion: either a value from a
// tfvars file, or a string from the environment or --var whose meaning
// depends on the declared type, as in Terraform.
type rawVar struct {
	v      cty.Value
	raw    string
	fromCL bool
	// origin says where a command-line value came from (`--var "name"`,
	// `TF_VAR_name`), for the error when Terraform would reject it.
	origin string
}

// value is the variable's value before conversion to the declared type. A
// command-line value Terraform would reject (a string that is no number or
// bool for a primitive type, or text that is no HCL expression for a
// collection or object type) is unknown, with the reason: a typo in --var
// must not silently weaken the checks that depend on it.
func (r rawVar) value(vd *variableDecl) (cty.Value, string) {
	if !r.fromCL {
		return r.v, ""
	}
	ty := vd.typ
	if ty.IsPrimitiveType() {
		v := cty.StringVal(r.raw)
		if _, err := convert.Convert(v, ty); err != nil {
			return unknownOf(ty), fmt.Sprintf("a %s is required", ty.FriendlyName())
		}
		return v, ""
	}
	untyped := ty == cty.DynamicPseudoType || ty == cty.NilType
	if v, ok := parseCLValue(r.raw, ty == cty.DynamicPseudoType); ok {
		return v, ""
	}
	if untyped {
		return cty.StringVal(r.raw), ""
	}
	return unknownOf(ty), fmt.Sprintf("a %s is required, written as an HCL expression", ty.FriendlyNameForConstraint())
}

// parseCLValue reads a --var or TF_VAR_ value as an HCL expression. For an
// untyped variable only lists, maps, numbers and bools count; anything else is
// the string as written.
func parseCLValue(raw string, untyped bool) (cty.Value, bool) {
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "<value>", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	if untyped {
		ty := v.Type()
		if !(ty == cty.Number || ty == cty.Bool || ty.IsTupleType() || ty.IsObjectType() || ty.IsListType() || ty.IsMapType()) {
			return cty.NilVal, false
		}
	}
	return v, true
}

// convertVar applies optional() defaults and converts to the declared type;
// a value that does not convert is unknown (Terraform would reject it, we
// just cannot use it).
func convertVar(vd *variableDecl, v cty.Value) cty.Value {
	if v == cty.NilVal {
		return unknownOf(vd.typ)
	}
	// Terraform applies optional() defaults to partly unknown objects too
	// ({ bucket = module.logs.id } still gets enabled = true).
	if vd.defaults != nil && v.IsKnown() && !v.IsNull() {
		func() {
			defer func() { _ = recover() }()
			v = vd.defaults.Apply(v)
		}()
	}
	if vd.typ == cty.DynamicPseudoType || vd.typ == cty.NilType {
		return v
	}
	cv, err := convert.Convert(v, vd.typ)
	if err != nil {
		return unknownOf(vd.typ)
	}
	return cv
}

// cliVars are the values every root gets from --var-file and --var, parsed once.
type cliVars struct {
	once  sync.Once
	files []map[string]rawVar
	vars  map[string]rawVar
	env   map[string]rawVar
}

func (ld *loader) commandLineVars(c *cliVars) {
	c.once.Do(func() {
		c.env = map[string]rawVar{}
		for _, kv := range ld.opts.Env {
			name, value, ok := strings.Cut(kv, "=")
			if !ok || !strings.HasPrefix(name, "TF_VAR_") {
				continue
			}
			c.env[strings.TrimPrefix(name, "TF_VAR_")] = rawVar{raw: value, fromCL: true, origin: name}
		}
		for _, f := range ld.opts.VarFiles {
			// Like the path arguments, var files are relative to the
			// process's directory, not to WorkDir (which only names files).
			p := f
			if a, err := filepath.Abs(p); err == nil {
				p = a
			}
			vals, diags := ld.readVarsFile(p)
			ld.addDiags(diags...)
			c.files = append(c.files, vals)
		}
		c.vars = map[string]rawVar{}
		for _, kv := range ld.opts.Vars {
			name, value, ok := strings.Cut(kv, "=")
			if !ok || name == "" {
				ld.addDiags(pathDiag(hcl.DiagError, "--var %q: expected NAME=VALUE", kv))
				continue
			}
			c.vars[name] = rawVar{raw: value, fromCL: true, origin: fmt.Sprintf("--var %q", name)}
		}
	})
}

// readVarsFile reads a .tfvars or .tfvars.json file.
func (ld *loader) readVarsFile(abs string) (map[string]rawVar, hcl.Diagnostics) {
	out := map[string]rawVar{}
	name := ld.displayName(abs)
	data, err := readLimited(abs)
	if err != nil {
		return out, hcl.Diagnostics{pathDiag(hcl.DiagError, "%s: %v", name, err)}
	}
	ld.addFile(name, data)
	if looksBinary(data) || nesting.TooDeep(data) {
		return out, hcl.Diagnostics{fileDiag(name, "not a valid variables file")}
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	func() {
		defer func() {
			if r := recover(); r != nil {
				f, diags = nil, hcl.Diagnostics{fileDiag(name, "internal error while parsing")}
			}
		}()
		if strings.HasSuffix(abs, ".json") {
			f, diags = hcljson.Parse(data, name)
		} else {
			f, diags = hclsyntax.ParseConfig(data, name, hcl.InitialPos)
		}
	}()
	if f == nil || f.Body == nil {
		return out, diags
	}
	attrs, d := f.Body.JustAttributes()
	diags = append(diags, d...)
	for n, a := range attrs {
		v, vd := a.Expr.Value(nil)
		if vd.HasErrors() {
			v = cty.DynamicVal
		}
		out[n] = rawVar{v: v}
	}
	return out, diags
}

// rootVarValues merges the sources of root variable values, lowest
// precedence first, as Terraform does.
func (ld *loader) rootVarValues(dir string, c *cliVars) map[string]rawVar {
	ld.commandLineVars(c)
	vals := map[string]rawVar{}
	merge := func(m map[string]rawVar) {
		for k, v := range m {
			vals[k] = v
		}
	}
	merge(c.env)
	var auto []string
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || strings.HasPrefix(n, ".") {
				continue
			}
			if strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json") {
				auto = append(auto, n)
			}
		}
	}
	sort.Strings(auto)
	for _, n := range append([]string{"terraform.tfvars", "terraform.tfvars.json"}, auto...) {
		p := filepath.Join(dir, n)
		if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
			continue
		}
		m, diags := ld.readVarsFile(p)
		ld.addDiags(diags...)
		merge(m)
	}
	for _, m := range c.files {
		merge(m)
	}
	merge(c.vars)
	return vals
}
