package parser

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/hcl/v2"
)

// loader holds what one Load shares across roots: parsed modules (each
// directory parsed once however many callers it has), file bytes and diagnostics.
type loader struct {
	opts    Options
	workDir string

	mu    sync.Mutex
	files map[string][]byte
	diags hcl.Diagnostics

	modMu   sync.Mutex
	modules map[string]*moduleEntry
}

type moduleEntry struct {
	once sync.Once
	mod  *module
}

func newLoader(opts Options) *loader {
	return &loader{
		opts:    opts,
		workDir: workDirOf(opts),
		files:   map[string][]byte{},
		modules: map[string]*moduleEntry{},
	}
}

func (ld *loader) addDiags(d ...*hcl.Diagnostic) {
	if len(d) == 0 {
		return
	}
	ld.mu.Lock()
	ld.diags = append(ld.diags, d...)
	ld.mu.Unlock()
}

func (ld *loader) addFile(name string, data []byte) {
	ld.mu.Lock()
	ld.files[name] = data
	ld.mu.Unlock()
}

func (ld *loader) takeDiags() hcl.Diagnostics {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	d := ld.diags
	ld.diags = nil
	return d
}

func (ld *loader) takeFiles() map[string][]byte {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	return ld.files
}

// displayName is the name a file or directory gets in ranges and reports:
// relative to the working directory with forward slashes when under it,
// absolute otherwise.
func (ld *loader) displayName(abs string) string {
	rel, err := filepath.Rel(ld.workDir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// excluded answers whether an --exclude glob matches the path (relative to WorkDir).
func (ld *loader) excluded(abs string) bool {
	if len(ld.opts.Exclude) == 0 {
		return false
	}
	name := ld.displayName(abs)
	for _, pat := range ld.opts.Exclude {
		pat = filepath.ToSlash(pat)
		pat = strings.TrimPrefix(pat, "./")
		if ok, _ := doublestar.Match(pat, name); ok {
			return true
		}
		if ok, _ := doublestar.Match(pat, name+"/"); ok {
			return true
		}
	}
	return false
}

type discovered struct {
	moduleDirs []string // real absolute paths, sorted, unique
	plans      []string // absolute paths, argument order
	diags      hcl.Diagnostics
}

func pathDiag(sev hcl.DiagnosticSeverity, format string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: sev, Summary: fmt.Sprintf(format, args...)}
}

func isTFFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

func isVarsFile(name string) bool {
	return strings.HasSuffix(name, ".tfvars") || strings.HasSuffix(name, ".tfvars.json")
}

// discover turns the command-line paths into module directories and plan files.
func (ld *loader) discover(paths []string) discovered {
	var out discovered
	dirSet := map[string]bool{}
	planSet := map[string]bool{}
	visited := map[string]bool{}
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			if a, err := filepath.Abs(p); err == nil {
				abs = a
			}
		}
		info, err := os.Stat(abs)
		if err != nil {
			if os.IsNotExist(err) {
				out.diags = append(out.diags, pathDiag(hcl.DiagError, "%s: no such file or directory", p))
			} else {
				out.diags = append(out.diags, pathDiag(hcl.DiagError, "%s: %v", p, err))
			}
			continue
		}
		real := abs
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			real = r
		}
		if info.IsDir() {
			if ld.excluded(real) {
				continue
			}
			ld.walk(real, visited, dirSet)
			if !anyUnder(dirSet, real) {
				out.diags = append(out.diags, pathDiag(hcl.DiagWarning, "%s: no Terraform files found", p))
			}
			continue
		}
		name := filepath.Base(real)
		switch {
		case isTFFile(name) || isVarsFile(name):
			if ld.excluded(real) {
				continue
			}
			dir := filepath.Dir(real)
			if !dirHasTF(dir) {
				out.diags = append(out.diags, pathDiag(hcl.DiagWarning, "%s: no Terraform files found in %s", p, ld.displayName(dir)))
				continue
			}
			dirSet[dir] = true
		case strings.HasSuffix(name, ".json"):
			isPlan, err := sniffPlan(real)
			if err != nil {
				out.diags = append(out.diags, pathDiag(hcl.DiagError, "%s: %v", p, err))
				continue
			}
			if !isPlan {
				out.diags = append(out.diags, pathDiag(hcl.DiagError, "%s: not a Terraform plan or state JSON (terraform show -json output)", p))
				continue
			}
			if !planSet[real] {
				planSet[real] = true
				out.plans = append(out.plans, real)
			}
		default:
			out.diags = append(out.diags, pathDiag(hcl.DiagError, "%s: not a Terraform file (.tf, .tf.json, .tfvars), plan JSON or directory", p))
		}
	}
	for d := range dirSet {
		out.moduleDirs = append(out.moduleDirs, d)
	}
	sort.Strings(out.moduleDirs)
	return out
}

// anyUnder answers whether a module directory lies at or under dir (it may
// have been found by the walk of an earlier argument).
func anyUnder(dirSet map[string]bool, dir string) bool {
	for d := range dirSet {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// walk adds every module directory under dir. Symlinked directories are
// followed once per real path so a link cycle cannot loop.
func (ld *loader) walk(dir string, visited, dirSet map[string]bool) {
	if visited[dir] {
		return
	}
	visited[dir] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		ld.addDiags(pathDiag(hcl.DiagError, "%s: %v", ld.displayName(dir), err))
		return
	}
	hasTF := false
	var subdirs []string
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(dir, name)
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			info, err := os.Stat(full)
			if err != nil {
				continue // dangling link
			}
			isDir = info.IsDir()
			if isDir {
				real, err := filepath.EvalSymlinks(full)
				if err != nil {
					continue
				}
				full = real
			}
		}
		if isDir {
			if strings.HasPrefix(name, ".") {
				continue
			}
			subdirs = append(subdirs, full)
			continue
		}
		if isTFFile(name) && !ld.excluded(filepath.Join(dir, name)) {
			hasTF = true
		}
	}
	if hasTF && !ld.excluded(dir) {
		dirSet[dir] = true
	}
	for _, sd := range subdirs {
		if ld.excluded(sd) {
			continue
		}
		ld.walk(sd, visited, dirSet)
	}
}

func dirHasTF(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && isTFFile(e.Name()) {
			return true
		}
	}
	return false
}

// maxFileSize bounds what is read into memory; real Terraform files are far smaller.
const maxFileSize = 20 << 20

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > maxFileSize {
		return nil, fmt.Errorf("file is larger than %d MB, skipped", maxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("file is larger than %d MB, skipped", maxFileSize>>20)
	}
	return data, nil
}

// sniffPlan answers whether a .json file is a plan or state without reading
// all of a large one: the keys that tell come first in terraform's output.
func sniffPlan(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return false, fmt.Errorf("is a directory")
	}
	head := make([]byte, 1<<20)
	n, err := io.ReadFull(f, head)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return isPlanJSON(head[:n]), nil // the whole file
	case err != nil:
		return false, err
	}
	if isPlanJSON(head) {
		return true, nil
	}
	data, err := planReadFile(path)
	if err != nil {
		return false, err
	}
	return isPlanJSON(data), nil
}

// readRegular reads an optional side file (lock file, modules.json) only
// when it is a regular file: anything else is treated as absent.
func readRegular(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	return readLimited(path)
}
