package parser

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/tflint-hipaa/tflint-hipaa/internal/nesting"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// loadModules parses the scanned module directories, picks the roots and
// evaluates each root (in parallel) into a graph.
func (ld *loader) loadModules(dirs []string) []*graph.Graph {
	if len(dirs) == 0 {
		return nil
	}
	ld.preloadModules(dirs)
	roots := ld.findRoots(dirs)
	graphs := make([]*graph.Graph, len(roots))
	diags := make([]hcl.Diagnostics, len(roots))
	cli := &cliVars{}
	ld.commandLineVars(cli)
	workers := runtime.GOMAXPROCS(0)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers && w < len(roots); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				graphs[i], diags[i] = ld.evalRoot(roots[i], cli)
			}
		}()
	}
	for i := range roots {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, d := range diags {
		ld.addDiags(d...)
	}
	var out []*graph.Graph
	for _, g := range graphs {
		if g != nil {
			out = append(out, g)
		}
	}
	return out
}

// findRoots drops directories that another scanned module calls with a local
// source: they are analysed with their callers' inputs. Directories only
// reachable through a call cycle still get analysed (from their first member)
// so the cycle is reported.
func (ld *loader) findRoots(dirs []string) []string {
	scanned := map[string]bool{}
	for _, d := range dirs {
		scanned[d] = true
	}
	calls := map[string][]string{}
	called := map[string]bool{}
	for _, d := range dirs {
		mod := ld.getModule(d)
		if mod == nil {
			continue
		}
		for _, c := range mod.calls {
			if !isLocalSource(c.source) {
				continue
			}
			target := filepath.Join(d, filepath.FromSlash(c.source))
			if real, err := filepath.EvalSymlinks(target); err == nil {
				target = real
			}
			if target == d || !scanned[target] {
				continue
			}
			calls[d] = append(calls[d], target)
			called[target] = true
		}
	}
	var roots []string
	reached := map[string]bool{}
	var mark func(string)
	mark = func(d string) {
		if reached[d] {
			return
		}
		reached[d] = true
		for _, t := range calls[d] {
			mark(t)
		}
	}
	for _, d := range dirs {
		if !called[d] {
			roots = append(roots, d)
			mark(d)
		}
	}
	for _, d := range dirs {
		if !reached[d] {
			roots = append(roots, d)
			mark(d)
		}
	}
	sort.Strings(roots)
	return roots
}

func (ld *loader) evalRoot(dir string, cli *cliVars) (g *graph.Graph, diags hcl.Diagnostics) {
	mod := ld.getModule(dir)
	if mod == nil {
		return nil, nil
	}
	re := &rootEval{
		ld:       ld,
		rootDir:  dir,
		diagSeen: map[string]bool{},
		funcs:    map[string]map[string]function.Function{},
		exprs:    map[hcl.Expression]*exprInfo{},
		bodies:   map[hcl.Body]*bodyInfo{},
		dynamics: map[*hcl.Block]*dynamicInfo{},
		srcs:     map[string][]byte{},
	}
	defer func() {
		if r := recover(); r != nil {
			diags = append(re.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("%s: internal error while evaluating: %v", mod.display, r),
				Detail:   internalErrorDetail(ld.opts.Env),
			})
			g = graph.New(mod.display, ld.providerVersion(mod), re.resources())
		}
	}()
	re.remote = ld.remoteModules(dir)
	re.rootVals = ld.rootVarValues(dir, cli)
	root := re.newInst(mod, nil, nil, cty.NilVal, nil)
	root.finalize()
	return graph.New(mod.display, ld.providerVersion(mod), re.resources()), re.diags
}

// remoteModules reads .terraform/modules/modules.json of a root: where
// `terraform init` put the source of each non-local module call.
func (ld *loader) remoteModules(root string) map[string]string {
	data, err := readRegular(filepath.Join(root, ".terraform", "modules", "modules.json"))
	if err != nil {
		return nil
	}
	out, err := moduleManifest(data, root)
	if err != nil {
		ld.addDiags(pathDiag(hcl.DiagWarning, "%s: %v", ld.displayName(filepath.Join(root, ".terraform", "modules", "modules.json")), err))
		return nil
	}
	return out
}

// moduleManifest maps the keys of a modules.json (`terraform init`'s record
// of module calls) to their directories, relative ones taken from root.
func moduleManifest(data []byte, root string) (map[string]string, error) {
	var manifest struct {
		Modules []struct {
			Key string `json:"Key"`
			Dir string `json:"Dir"`
		} `json:"Modules"`
	}
	if err := json.Unmarshal(data, &manifest); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, m := range manifest.Modules {
		if m.Key == "" || m.Dir == "" {
			continue
		}
		dir := filepath.FromSlash(m.Dir)
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, dir)
		}
		out[m.Key] = dir
	}
	return out, nil
}

// providerVersion reads the locked AWS provider version, else the
// required_providers constraints of the root module.
func (ld *loader) providerVersion(mod *module) graph.ProviderVersion {
	var pv graph.ProviderVersion
	if data, err := readRegular(filepath.Join(mod.dir, ".terraform.lock.hcl")); err == nil && !nesting.TooDeep(data) {
		func() {
			defer func() { _ = recover() }()
			f, _ := hclsyntax.ParseConfig(data, ".terraform.lock.hcl", hcl.InitialPos)
			if f == nil {
				return
			}
			body, ok := f.Body.(*hclsyntax.Body)
			if !ok {
				return
			}
			for _, b := range body.Blocks {
				if b.Type != "provider" || len(b.Labels) != 1 {
					continue
				}
				addr := strings.ToLower(b.Labels[0])
				if !strings.HasSuffix(addr, "/hashicorp/aws") {
					continue
				}
				if a := b.Body.Attributes["version"]; a != nil {
					if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
						pv.Locked = v.AsString()
					}
				}
			}
		}()
	}
	seen := map[string]bool{}
	var cs []string
	for _, c := range mod.awsVersions {
		if !seen[c] {
			seen[c] = true
			cs = append(cs, c)
		}
	}
	pv.Constraint = strings.Join(cs, ", ")
	return pv
}
