package parser

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/internal/corpus"
)

// benchCorpus is generated once per process: ~2,000 files in ~200 modules.
var benchCorpus struct {
	once  sync.Once
	dir   string
	files int
	bytes int64
	err   error
}

func corpusDir(b *testing.B) (string, int64) {
	b.Helper()
	benchCorpus.once.Do(func() {
		benchCorpus.dir, benchCorpus.err = os.MkdirTemp("", "tflint-hipaa-bench-")
		if benchCorpus.err == nil {
			benchCorpus.files, benchCorpus.bytes, benchCorpus.err = corpus.Generate(benchCorpus.dir, 200)
		}
	})
	if benchCorpus.err != nil {
		b.Fatal(benchCorpus.err)
	}
	return benchCorpus.dir, benchCorpus.bytes
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchCorpus.dir != "" {
		os.RemoveAll(benchCorpus.dir)
	}
	os.Exit(code)
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkLoad is the whole HCL load: discovery, parse, evaluation, graphs.
func BenchmarkLoad(b *testing.B) {
	dir, size := corpusDir(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		res := Load([]string{dir}, Options{WorkDir: dir})
		for _, d := range res.Diags {
			if d.Severity == hcl.DiagError {
				b.Fatal(d.Error())
			}
		}
		if len(res.Graphs) == 0 {
			b.Fatal("no graphs")
		}
	}
}

// corpusFiles lists the .tf and .tfvars files of the corpus.
func corpusFiles(dir string) []string {
	var paths []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars")) {
			paths = append(paths, p)
		}
		return nil
	})
	return paths
}

// parseEach reads and parses every file on all cores and hands each parsed
// body to then (when not nil) on the goroutine that parsed it.
func parseEach(b *testing.B, paths []string, then func(*hclsyntax.Body)) {
	next := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Error(err)
					continue
				}
				f, diags := hclsyntax.ParseConfig(data, p, hcl.InitialPos)
				if diags.HasErrors() {
					b.Error(diags.Error())
					continue
				}
				if then != nil {
					then(f.Body.(*hclsyntax.Body))
				}
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
}

// BenchmarkParseOnly is the floor: read and parse every file on all cores.
func BenchmarkParseOnly(b *testing.B) {
	dir, size := corpusDir(b)
	paths := corpusFiles(dir)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		parseEach(b, paths, nil)
	}
}

// BenchmarkParseAndEvalOnce parses every file and evaluates each attribute
// expression once with hcl, every reference unknown, with the loader's
// function table. It is not a floor of the load (which evaluates each
// instance of count/for_each with known values and builds graphs) but a
// measure of how little of the load is hcl's own expression evaluation:
// compare it with BenchmarkParseOnly and BenchmarkLoad.
func BenchmarkParseAndEvalOnce(b *testing.B) {
	dir, size := corpusDir(b)
	paths := corpusFiles(dir)
	unknown := map[string]cty.Value{}
	for _, name := range []string{"var", "local", "module", "data", "each", "count", "path", "terraform", "self"} {
		unknown[name] = cty.DynamicVal
	}
	funcs := stdFuncs()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	var evaluated atomic.Int64
	for i := 0; i < b.N; i++ {
		evaluated.Store(0)
		parseEach(b, paths, func(body *hclsyntax.Body) {
			vars := make(map[string]cty.Value, len(unknown)+8)
			for k, v := range unknown {
				vars[k] = v
			}
			for _, blk := range body.Blocks {
				// A resource type is a root name too (aws_kms_key.k.arn).
				if blk.Type == "resource" && len(blk.Labels) > 0 {
					vars[blk.Labels[0]] = cty.DynamicVal
				}
			}
			ctx := &hcl.EvalContext{Variables: vars, Functions: funcs}
			evaluated.Add(int64(evalEvery(body, ctx)))
		})
	}
	b.ReportMetric(float64(evaluated.Load()), "exprs/op")
}

// evalEvery evaluates every attribute of body and its nested blocks once.
func evalEvery(body *hclsyntax.Body, ctx *hcl.EvalContext) int {
	n := 0
	for _, a := range body.Attributes {
		_, _ = a.Expr.Value(ctx)
		n++
	}
	for _, blk := range body.Blocks {
		n += evalEvery(blk.Body, ctx)
	}
	return n
}
