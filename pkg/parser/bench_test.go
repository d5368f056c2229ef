package parser

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

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

// BenchmarkParseOnly is the floor: read and parse every file on all cores.
func BenchmarkParseOnly(b *testing.B) {
	dir, size := corpusDir(b)
	var paths []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars")) {
			paths = append(paths, p)
		}
		return nil
	})
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
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
					if _, diags := hclsyntax.ParseConfig(data, p, hcl.InitialPos); diags.HasErrors() {
						b.Error(diags.Error())
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
}
