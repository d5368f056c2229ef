package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tflint-hipaa/tflint-hipaa/internal/corpus"
	"github.com/tflint-hipaa/tflint-hipaa/internal/gcpolicy"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/sarif"
)

// Environment knobs. The report runs every measurement in a fresh child
// process, so that each one's peak resident memory (getrusage maxrss) is its
// own and not the high-water mark of everything measured before it.
const (
	envReport    = "BENCH_REPORT"     // "1" runs TestBenchReport
	envScales    = "BENCH_SCALES"     // corpus multiples, default "1,2,4,8"
	envModules   = "BENCH_MODULES"    // modules in the 1× corpus, default 200 (~2,000 files)
	envRepeat    = "BENCH_REPEAT"     // runs per measurement, the fastest is kept; default 3
	envRealDir   = "BENCH_DIR"        // optional real code base, measured as one more row
	envPlanSize  = "BENCH_PLAN"       // resources in the synthetic plan, default 50000; 0 skips
	envOut       = "BENCH_OUT"        // optional file the markdown table is also written to
	envWork      = "BENCH_WORK"       // where corpora are generated; default a temporary directory
	envChildMode = "BENCH_CHILD"      // set by the report for its children: floor, floor-keep, full, plan-unmarshal, plan-check
	envChildPath = "BENCH_CHILD_PATH" // the corpus directory or plan file the child measures
	envGC        = "BENCH_GC"         // "cli" (default): every child sets the collector as the CLI does; "go": Go's defaults
)

// childResultPrefix marks the one line of child output the parent reads.
const childResultPrefix = "BENCHRESULT "

// measurement is what one child process reports.
type measurement struct {
	WallNS     int64 `json:"wall_ns"`
	CPUNS      int64 `json:"cpu_ns"`
	Mallocs    int64 `json:"mallocs"`
	AllocBytes int64 `json:"alloc_bytes"`
	Files      int   `json:"files"`
	Bytes      int64 `json:"bytes"`
	Resources  int   `json:"resources"`
	Findings   int   `json:"findings"`
	Errors     int   `json:"errors"`
	// The full run's phases, wall time: load (parse, evaluate, graphs), rules, SARIF.
	LoadNS  int64 `json:"load_ns"`
	RulesNS int64 `json:"rules_ns"`
	SARIFNS int64 `json:"sarif_ns"`
	// SysNS and MinorFaults are the kernel's share of CPUNS and the page
	// faults behind most of it: first touches of heap memory.
	SysNS       int64 `json:"sys_ns"`
	MinorFaults int64 `json:"minor_faults"`
	MaxRSSKB    int64 `json:"-"`
}

// terraformFiles lists what the loader reads under dir, skipping what it
// skips (hidden directories and .terraform), so floor and full run see the same input.
func terraformFiles(dir string) (paths []string, size int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable entry is the loader's concern, not the floor's
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == ".terraform") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		n := d.Name()
		if strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json") || strings.HasSuffix(n, ".tfvars") {
			info, ierr := d.Info()
			if ierr == nil {
				size += info.Size()
			}
			paths = append(paths, p)
		}
		return nil
	})
	return paths, size, err
}

// parseFloor reads and parses every file on all cores, as hclparse would,
// and does nothing else: the floor no HCL linter can beat. hclparse.Parser
// itself is not safe for concurrent use, so its two parsers are called directly.
func parseFloor(paths []string) (parseErrors int) { return parseAll(paths, nil) }

// parseAll is parseFloor that, given keep (len(paths) long), also keeps
// every file's syntax tree: what a linter that evaluates calls between
// modules holds at the least, since the roots are known only once every
// module's calls have been read.
func parseAll(paths []string, keep []*hcl.File) (parseErrors int) {
	next := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := paths[i]
				data, err := os.ReadFile(p)
				if err != nil {
					mu.Lock()
					parseErrors++
					mu.Unlock()
					continue
				}
				var f *hcl.File
				var diags hcl.Diagnostics
				if strings.HasSuffix(p, ".json") {
					f, diags = hcljson.Parse(data, p)
				} else {
					f, diags = hclsyntax.ParseConfig(data, p, hcl.InitialPos)
				}
				if keep != nil {
					keep[i] = f
				}
				if diags.HasErrors() {
					mu.Lock()
					parseErrors++
					mu.Unlock()
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return parseErrors
}

// fullRun is what the CLI does for `--format sarif PATH`: load and evaluate
// every module, build the graphs, run every rule, write SARIF.
func fullRun(path, workDir string) (resources, findings, errors int, err error) {
	_, resources, findings, errors, err = fullRunPhases(path, workDir)
	return resources, findings, errors, err
}

// phases are the wall times of the full run's steps.
type phases struct{ load, rules, sarif time.Duration }

func fullRunPhases(path, workDir string) (ph phases, resources, findings, errors int, err error) {
	t0 := time.Now()
	res := parser.Load([]string{path}, parser.Options{WorkDir: workDir})
	t1 := time.Now()
	rules := policies.All()
	fs, runDiags := policies.Run(res.Graphs, rules, policies.RunOptions{})
	t2 := time.Now()
	ph.load, ph.rules = t1.Sub(t0), t2.Sub(t1)
	diags := append(res.Diags, runDiags...)
	in := &report.Input{
		Findings: fs,
		Rules:    rules,
		Diags:    diags,
		Files:    res.Files,
		Version:  "bench",
		WorkDir:  workDir,
	}
	if err := sarif.Write(io.Discard, in); err != nil {
		return ph, 0, 0, 0, err
	}
	ph.sarif = time.Since(t2)
	for _, g := range res.Graphs {
		resources += len(g.Resources)
	}
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			errors++
		}
	}
	return ph, resources, len(fs), errors, nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// kernelUsage is the system CPU time and minor page faults of this process so far.
func kernelUsage() (sys time.Duration, minorFaults int64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Stime.Nano()), int64(ru.Minflt)
}

// measure runs one mode once in this process.
func measure(mode, path string) (measurement, error) {
	var m measurement
	var before, after runtime.MemStats
	var work func() error
	var kept []*hcl.File
	switch mode {
	case "floor":
		paths, size, err := terraformFiles(path)
		if err != nil {
			return m, err
		}
		m.Files, m.Bytes = len(paths), size
		work = func() error { m.Errors = parseFloor(paths); return nil }
	case "floor-keep":
		paths, size, err := terraformFiles(path)
		if err != nil {
			return m, err
		}
		m.Files, m.Bytes = len(paths), size
		kept = make([]*hcl.File, len(paths))
		work = func() error { m.Errors = parseAll(paths, kept); return nil }
	case "full":
		paths, size, err := terraformFiles(path)
		if err != nil {
			return m, err
		}
		m.Files, m.Bytes = len(paths), size
		work = func() (err error) {
			var ph phases
			ph, m.Resources, m.Findings, m.Errors, err = fullRunPhases(path, path)
			m.LoadNS, m.RulesNS, m.SARIFNS = int64(ph.load), int64(ph.rules), int64(ph.sarif)
			return err
		}
	case "plan-unmarshal":
		work = func() error {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			m.Files, m.Bytes = 1, int64(len(data))
			var plan tfjson.Plan
			if err := json.Unmarshal(data, &plan); err != nil {
				return err
			}
			if plan.PlannedValues != nil && plan.PlannedValues.RootModule != nil {
				m.Resources = len(plan.PlannedValues.RootModule.Resources)
				for _, c := range plan.PlannedValues.RootModule.ChildModules {
					m.Resources += len(c.Resources)
				}
			}
			return nil
		}
	case "plan-check":
		work = func() (err error) {
			info, err := os.Stat(path)
			if err != nil {
				return err
			}
			m.Files, m.Bytes = 1, info.Size()
			var ph phases
			ph, m.Resources, m.Findings, m.Errors, err = fullRunPhases(path, filepath.Dir(path))
			m.LoadNS, m.RulesNS, m.SARIFNS = int64(ph.load), int64(ph.rules), int64(ph.sarif)
			return err
		}
	default:
		return m, fmt.Errorf("unknown mode %q", mode)
	}
	runtime.GC()
	runtime.ReadMemStats(&before)
	sys0, faults0 := kernelUsage()
	cpu0, wall0 := cpuTime(), time.Now()
	if err := work(); err != nil {
		return m, err
	}
	m.WallNS = int64(time.Since(wall0))
	m.CPUNS = int64(cpuTime() - cpu0)
	sys1, faults1 := kernelUsage()
	m.SysNS, m.MinorFaults = int64(sys1-sys0), faults1-faults0
	runtime.KeepAlive(kept)
	runtime.ReadMemStats(&after)
	m.Mallocs = int64(after.Mallocs - before.Mallocs)
	m.AllocBytes = int64(after.TotalAlloc - before.TotalAlloc)
	return m, nil
}

// TestBenchChild is the child side of TestBenchReport; it does nothing
// unless the parent set BENCH_CHILD.
func TestBenchChild(t *testing.T) {
	mode := os.Getenv(envChildMode)
	if mode == "" {
		t.Skip("run by TestBenchReport")
	}
	if gcSetting() == "cli" {
		// Floor and full run alike, so the ratio compares work, not collectors.
		gcpolicy.Apply()
	}
	m, err := measure(mode, os.Getenv(envChildPath))
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(m)
	fmt.Printf("%s%s\n", childResultPrefix, line)
}

// gcSetting is how the children set the garbage collector.
func gcSetting() string {
	if os.Getenv(envGC) == "go" {
		return "go"
	}
	return "cli"
}

// gcDescription says in the report's header how the collector was set.
func gcDescription() string {
	if gcSetting() == "go" {
		return "GC: Go defaults (BENCH_GC=go)"
	}
	s := gcpolicy.Choose(os.Getenv, gcpolicy.AvailableMemory())
	d := "GC: as the CLI sets it, in floor and full run alike ("
	if s.Percent != 0 {
		d += fmt.Sprintf("GOGC=%d", s.Percent)
	} else {
		d += "GOGC=" + os.Getenv("GOGC")
	}
	if s.Limit != 0 {
		d += fmt.Sprintf(", soft limit %d MiB", s.Limit>>20)
	}
	return d + ")"
}

// runChild measures one mode in a fresh process and adds its peak RSS.
func runChild(mode, path string) (measurement, error) {
	var m measurement
	cmd := exec.Command(os.Args[0], "-test.run=^TestBenchChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChildMode+"="+mode, envChildPath+"="+path, envReport+"=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return m, fmt.Errorf("%s %s: %v\n%s", mode, path, err, out.String())
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	found := false
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), childResultPrefix); ok {
			if err := json.Unmarshal([]byte(rest), &m); err != nil {
				return m, err
			}
			found = true
		}
	}
	if !found {
		return m, fmt.Errorf("%s %s: no result line in\n%s", mode, path, out.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.MaxRSSKB = ru.Maxrss // kilobytes on Linux
	}
	return m, nil
}

// best runs a measurement repeat times and keeps the fastest wall time; on a
// shared machine the fastest run is the one least disturbed by neighbours.
// Allocation counts hardly vary; the peak RSS kept is the largest seen.
func best(mode, path string, repeat int) (measurement, error) {
	var kept measurement
	var maxRSS int64
	for i := 0; i < repeat; i++ {
		m, err := runChild(mode, path)
		if err != nil {
			return m, err
		}
		maxRSS = max(maxRSS, m.MaxRSSKB)
		if i == 0 || m.WallNS < kept.WallNS {
			kept = m
		}
	}
	kept.MaxRSSKB = maxRSS
	return kept, nil
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func scales() []int {
	var out []int
	for _, f := range strings.Split(os.Getenv(envScales), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		out = []int{1, 2, 4, 8}
	}
	return out
}

func workDir(t testing.TB) string {
	if d := os.Getenv(envWork); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// generated returns the corpus of the given scale under base, generating it
// once: its content depends only on the module count.
func generated(t testing.TB, base string, modules int) string {
	dir := filepath.Join(base, fmt.Sprintf("corpus-%dm", modules))
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, _, err := corpus.Generate(dir, modules); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func planFile(t testing.TB, base string, resources int) string {
	p := filepath.Join(base, fmt.Sprintf("plan-%d.json", resources))
	if _, err := os.Stat(p); err == nil {
		return p
	}
	data, err := corpus.Plan(resources)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// TestBenchReport prints the benchmark table of the README: the parse floor
// against the full run at 1×, 2×, 4× and 8× the generated corpus, optionally
// a real code base, and a large plan against a plain json.Unmarshal.
func TestBenchReport(t *testing.T) {
	if os.Getenv(envReport) != "1" {
		t.Skip("set BENCH_REPORT=1 (see bench/run.sh)")
	}
	base := workDir(t)
	repeat := max(1, envInt(envRepeat, 3))
	modules := max(2, envInt(envModules, 200))

	var table, kernel strings.Builder
	kernel.WriteString("\nWhat holding the syntax trees costs. The floor drops each tree as soon as it is parsed; \"keep\" parses the same files and keeps every tree, as a linter must that evaluates calls between modules (the roots are known only once every module's calls are read). The full run also keeps its graphs until the rules have run. System time is mostly page faults: the first touch of each page of a bigger heap.\n\n")
	kernel.WriteString("| input | floor s | keep s | keep/floor | full/floor | user s floor / keep / full | system s floor / keep / full | minor page faults floor / keep / full | peak RSS MB floor / keep / full |\n")
	kernel.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	fmt.Fprintf(&table, "GOMAXPROCS %d, %s/%s, %s; load average at start %s; fastest of %d runs, each in a fresh process; %s\n\n",
		runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version(), loadAverage(), repeat, gcDescription())
	table.WriteString("| input | files | MB | resources | floor s | full s | full/floor | floor CPU s | full CPU s | CPU full/floor | load / rules / SARIF s | files/s | MB/s | allocs | alloc MB | peak RSS MB | load |\n")
	table.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
	row := func(name, path string) {
		floor, err := best("floor", path, repeat)
		if err != nil {
			t.Fatal(err)
		}
		keep, err := best("floor-keep", path, repeat)
		if err != nil {
			t.Fatal(err)
		}
		full, err := best("full", path, repeat)
		if err != nil {
			t.Fatal(err)
		}
		sec := float64(full.WallNS) / 1e9
		fmt.Fprintf(&table, "| %s | %d | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f / %.2f / %.2f | %.0f | %.1f | %d | %.0f | %.0f | %s |\n",
			name, full.Files, float64(full.Bytes)/1e6, full.Resources,
			float64(floor.WallNS)/1e9, sec, float64(full.WallNS)/float64(floor.WallNS),
			float64(floor.CPUNS)/1e9, float64(full.CPUNS)/1e9, float64(full.CPUNS)/float64(max(floor.CPUNS, 1)),
			float64(full.LoadNS)/1e9, float64(full.RulesNS)/1e9, float64(full.SARIFNS)/1e9,
			float64(full.Files)/sec, float64(full.Bytes)/1e6/sec,
			full.Mallocs, float64(full.AllocBytes)/1e6, float64(full.MaxRSSKB)/1024, loadAverage())
		fmt.Fprintf(&kernel, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %d / %d / %d | %.0f / %.0f / %.0f |\n", name,
			float64(floor.WallNS)/1e9, float64(keep.WallNS)/1e9,
			float64(keep.WallNS)/float64(floor.WallNS), float64(full.WallNS)/float64(floor.WallNS),
			float64(floor.CPUNS-floor.SysNS)/1e9, float64(keep.CPUNS-keep.SysNS)/1e9, float64(full.CPUNS-full.SysNS)/1e9,
			float64(floor.SysNS)/1e9, float64(keep.SysNS)/1e9, float64(full.SysNS)/1e9,
			floor.MinorFaults, keep.MinorFaults, full.MinorFaults,
			float64(floor.MaxRSSKB)/1024, float64(keep.MaxRSSKB)/1024, float64(full.MaxRSSKB)/1024)
		t.Logf("%s: floor %+v full %+v", name, floor, full)
	}
	for _, s := range scales() {
		dir := generated(t, base, modules*s)
		row(fmt.Sprintf("corpus %d×", s), dir)
	}
	if real := os.Getenv(envRealDir); real != "" {
		abs, err := filepath.Abs(real)
		if err != nil {
			t.Fatal(err)
		}
		row(filepath.Base(abs)+" (real code)", abs)
	}
	table.WriteString(kernel.String())

	if n := envInt(envPlanSize, 50000); n > 0 {
		plan := planFile(t, base, n)
		unmarshal, err := best("plan-unmarshal", plan, repeat)
		if err != nil {
			t.Fatal(err)
		}
		check, err := best("plan-check", plan, repeat)
		if err != nil {
			t.Fatal(err)
		}
		table.WriteString("\n| plan | MB | resources | json.Unmarshal s | load+rules+SARIF s | ratio | CPU ratio | load / rules / SARIF s | (load+rules)/unmarshal | unmarshal allocs | check allocs | unmarshal RSS MB | check RSS MB |\n")
		table.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		fmt.Fprintf(&table, "| synthetic | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f / %.2f / %.2f | %.2f | %d | %d | %.0f | %.0f |\n",
			float64(check.Bytes)/1e6, check.Resources,
			float64(unmarshal.WallNS)/1e9, float64(check.WallNS)/1e9, float64(check.WallNS)/float64(unmarshal.WallNS),
			float64(check.CPUNS)/float64(max(unmarshal.CPUNS, 1)),
			float64(check.LoadNS)/1e9, float64(check.RulesNS)/1e9, float64(check.SARIFNS)/1e9,
			float64(check.LoadNS+check.RulesNS)/float64(unmarshal.WallNS),
			unmarshal.Mallocs, check.Mallocs, float64(unmarshal.MaxRSSKB)/1024, float64(check.MaxRSSKB)/1024)
		if check.Resources < n {
			t.Errorf("plan check saw %d resources, want %d", check.Resources, n)
		}
	}

	fmt.Println(table.String())
	if out := os.Getenv(envOut); out != "" {
		if err := os.WriteFile(out, []byte(table.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// benchCorpora caches generated corpora across benchmark iterations.
var benchCorpora sync.Map

func benchCorpus(b *testing.B, modules int) string {
	if d, ok := benchCorpora.Load(modules); ok {
		return d.(string)
	}
	base := os.Getenv(envWork)
	if base == "" {
		base = filepath.Join(os.TempDir(), "tflint-hipaa-bench")
	}
	dir := generated(b, base, modules)
	benchCorpora.Store(modules, dir)
	return dir
}

// BenchmarkFloor and BenchmarkFull are the same comparison as the report
// for `go test -bench`, with allocation counts and -cpuprofile.
func BenchmarkFloor(b *testing.B) {
	eachScale(b, func(b *testing.B, dir string, paths []string) {
		if n := parseFloor(paths); n != 0 {
			b.Fatalf("%d files failed to parse", n)
		}
	})
}

func BenchmarkFull(b *testing.B) {
	eachScale(b, func(b *testing.B, dir string, _ []string) {
		resources, _, errors, err := fullRun(dir, dir)
		if err != nil {
			b.Fatal(err)
		}
		if errors != 0 || resources == 0 {
			b.Fatalf("%d errors, %d resources", errors, resources)
		}
	})
}

// eachScale runs op b.N times on the corpus of each BENCH_SCALES size, one
// sub-benchmark per size, given the corpus directory and its files.
func eachScale(b *testing.B, op func(b *testing.B, dir string, paths []string)) {
	for _, s := range scales() {
		b.Run(fmt.Sprintf("x%d", s), func(b *testing.B) {
			dir := benchCorpus(b, max(2, envInt(envModules, 200))*s)
			paths, size, err := terraformFiles(dir)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				op(b, dir, paths)
			}
		})
	}
}

// TestCorpusLoadsCleanly guards the benchmark itself: a corpus that fails to
// load would make the full run look fast. It also checks that every rule
// family has resources to read, so the full run exercises the rules.
func TestCorpusLoadsCleanly(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := corpus.Generate(dir, 8); err != nil {
		t.Fatal(err)
	}
	paths, _, err := terraformFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := parseFloor(paths); n != 0 {
		t.Fatalf("%d corpus files do not parse", n)
	}
	res := parser.Load([]string{dir}, parser.Options{WorkDir: dir})
	for _, d := range res.Diags {
		if d.Severity == hcl.DiagError {
			t.Errorf("corpus load error: %s", d.Error())
		}
	}
	types := map[string]int{}
	for _, g := range res.Graphs {
		for _, r := range g.Resources {
			types[r.Type]++
		}
	}
	for _, want := range []string{"aws_s3_bucket", "aws_db_instance", "aws_instance", "aws_kms_key", "aws_vpc", "aws_dynamodb_table", "aws_cloudtrail", "aws_lb_listener"} {
		if types[want] == 0 {
			t.Errorf("corpus has no %s; types: %v", want, types)
		}
	}
}

// TestPlanLoadsAndChecks guards the plan benchmark the same way: the
// synthetic plan must load without errors, with every resource, and the
// rules must find the unencrypted half of its volumes and buckets.
func TestPlanLoadsAndChecks(t *testing.T) {
	const n = 400
	plan := filepath.Join(t.TempDir(), "plan.json")
	data, err := corpus.Plan(n)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var decoded tfjson.Plan
	if err := json.Unmarshal(data, &decoded); err != nil {
		t.Fatalf("terraform-json rejects the synthetic plan: %v", err)
	}
	res := parser.Load([]string{plan}, parser.Options{WorkDir: filepath.Dir(plan)})
	for _, d := range res.Diags {
		if d.Severity == hcl.DiagError {
			t.Fatalf("plan load error: %s", d.Error())
		}
	}
	resources := 0
	for _, g := range res.Graphs {
		resources += len(g.Resources)
	}
	if resources != n {
		t.Fatalf("loaded %d resources, want %d", resources, n)
	}
	fs, diags := policies.Run(res.Graphs, policies.All(), policies.RunOptions{})
	if diags.HasErrors() {
		t.Fatalf("rule errors: %s", diags.Error())
	}
	byRule := map[string]int{}
	for _, f := range fs {
		if !f.Undetermined {
			byRule[f.RuleID]++
		}
	}
	// Every other instance of a type is configured wrong (see corpus.Plan).
	for _, id := range []string{"aws-ebs-encrypted", "aws-rds-storage-encrypted", "aws-kms-key-rotation"} {
		if byRule[id] == 0 {
			t.Errorf("%s found nothing in the synthetic plan; findings by rule: %v", id, byRule)
		}
	}
}

// BenchmarkPlanUnmarshal and BenchmarkPlanCheck compare loading and checking
// a large plan (BENCH_PLAN resources, default 50,000) with the least any
// plan reader must do: json.Unmarshal into tfjson.Plan.
func BenchmarkPlanUnmarshal(b *testing.B) {
	plan := benchPlan(b)
	data, err := os.ReadFile(plan)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data, err := os.ReadFile(plan)
		if err != nil {
			b.Fatal(err)
		}
		var p tfjson.Plan
		if err := json.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanCheck(b *testing.B) {
	plan := benchPlan(b)
	info, err := os.Stat(plan)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resources, _, errors, err := fullRun(plan, filepath.Dir(plan))
		if err != nil {
			b.Fatal(err)
		}
		if errors != 0 || resources == 0 {
			b.Fatalf("%d errors, %d resources", errors, resources)
		}
	}
}

func benchPlan(b *testing.B) string {
	base := os.Getenv(envWork)
	if base == "" {
		base = filepath.Join(os.TempDir(), "tflint-hipaa-bench")
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		b.Fatal(err)
	}
	return planFile(b, base, max(1, envInt(envPlanSize, 50000)))
}
