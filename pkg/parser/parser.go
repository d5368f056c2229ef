// Package parser builds graph.Graphs from Terraform HCL modules and from
// `terraform show -json` plans and states. It never runs terraform, providers
// or anything else, and never touches the network.
package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Options are the inputs of a load besides the paths.
type Options struct {
	// WorkDir is what file names in ranges are made relative to; "" means the
	// current directory.
	WorkDir string
	// Vars are --var NAME=VALUE arguments, in order.
	Vars []string
	// VarFiles are --var-file arguments, in order.
	VarFiles []string
	// Env is the environment to read TF_VAR_ variables from (os.Environ()).
	Env []string
	// Exclude are glob patterns (doublestar) of paths to skip, relative to WorkDir.
	Exclude []string
	// PlanSources is the directory of a plan's root module sources when
	// they do not sit beside the plan file (--chdir); "" means beside it.
	PlanSources string
}

// Result is everything a load produced.
type Result struct {
	// Graphs has one graph per root module and one per plan, in path order.
	Graphs []*graph.Graph
	// Files holds the bytes of every source file read, keyed by the file name
	// used in ranges, so writers can show excerpts and suppressions can read comments.
	Files map[string][]byte
	// Diags are errors (a file that does not parse, a path that does not exist)
	// and warnings (a directory with no Terraform files), each with a place.
	Diags hcl.Diagnostics
}

// Load finds the Terraform root modules and plan files under paths and builds a graph for each.
func Load(paths []string, opts Options) (res *Result) {
	res = &Result{Files: map[string][]byte{}}
	defer func() {
		// Load is the last line of defence: whatever slipped past the
		// per-file and per-module guards becomes a diagnostic, not a crash.
		if r := recover(); r != nil {
			res.Diags = append(res.Diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  fmt.Sprintf("internal error while loading: %v", r),
				Detail:   internalErrorDetail(opts.Env),
			})
		}
	}()
	ld := newLoader(opts)
	if len(paths) == 0 {
		paths = []string{"."}
	}
	found := ld.discover(paths)

	// Plans first in argument order: they are independent of the HCL scan.
	type planOut struct {
		g     *graph.Graph
		diags hcl.Diagnostics
		files map[string][]byte
	}
	plans := make([]planOut, len(found.plans))
	var wg sync.WaitGroup
	for i, p := range found.plans {
		wg.Add(1)
		go func(i int, p string) {
			defer wg.Done()
			files := map[string][]byte{}
			defer func() {
				if r := recover(); r != nil {
					plans[i] = planOut{diags: hcl.Diagnostics{{
						Severity: hcl.DiagError,
						Summary:  fmt.Sprintf("%s: internal error while reading plan: %v", ld.displayName(p), r),
					}}, files: files}
				}
			}()
			g, d := loadPlan(p, opts, files)
			plans[i] = planOut{g: g, diags: d, files: files}
		}(i, p)
	}

	graphs := ld.loadModules(found.moduleDirs)
	wg.Wait()

	res.Diags = append(res.Diags, found.diags...)
	res.Diags = append(res.Diags, ld.takeDiags()...)
	for _, p := range plans {
		res.Diags = append(res.Diags, p.diags...)
		for k, v := range p.files {
			res.Files[k] = v
		}
		if p.g != nil {
			graphs = append(graphs, p.g)
		}
	}
	for k, v := range ld.takeFiles() {
		res.Files[k] = v
	}
	sort.SliceStable(graphs, func(i, j int) bool { return graphs[i].Root < graphs[j].Root })
	res.Diags = dedupeDiags(res.Diags)
	sortDiags(res.Diags)
	res.Graphs = graphs
	return res
}

// workDirOf returns the absolute working directory names are relative to.
func workDirOf(opts Options) string {
	wd := opts.WorkDir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	if abs, err := filepath.Abs(wd); err == nil {
		wd = abs
	}
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		return real
	}
	return wd
}

// sortDiags orders diagnostics by place so output does not depend on which
// goroutine finished first; diagnostics without a place keep their order first.
func sortDiags(diags hcl.Diagnostics) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Subject, diags[j].Subject
		switch {
		case a == nil || b == nil:
			return a == nil && b != nil
		case a.Filename != b.Filename:
			return a.Filename < b.Filename
		case a.Start.Byte != b.Start.Byte:
			return a.Start.Byte < b.Start.Byte
		}
		return diags[i].Summary < diags[j].Summary
	})
}

// dedupeDiags drops repeats: a shared module with a problem is reached from
// every root that calls it, but the problem is one.
func dedupeDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	seen := make(map[string]bool, len(diags))
	out := diags[:0]
	for _, d := range diags {
		key := fmt.Sprint(d.Severity, d.Summary, d.Detail)
		if d.Subject != nil {
			key += d.Subject.String()
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	return out
}

// internalErrorDetail is the detail of a recovered panic. Users never see a
// stack trace; with TFLINT_HIPAA_DEBUG=1 in the environment a developer
// chasing a bug does.
func internalErrorDetail(env []string) string {
	for _, kv := range env {
		if kv == "TFLINT_HIPAA_DEBUG=1" {
			return string(debug.Stack())
		}
	}
	return "This is a bug in tflint-hipaa; please report it with the input that triggered it."
}
