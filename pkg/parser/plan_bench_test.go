package parser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tflint-hipaa/tflint-hipaa/internal/corpus"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

func planWriteSynthetic(tb testing.TB, n int) (string, []byte) {
	tb.Helper()
	data, err := corpus.Plan(n)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "plan.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path, data
}

func TestLoadPlanSynthetic(t *testing.T) {
	path, _ := planWriteSynthetic(t, 2000)
	g, diags := loadPlan(path, Options{}, nil)
	if diags.HasErrors() || g == nil {
		t.Fatal(diags)
	}
	if len(g.Resources) != 2000 {
		t.Fatalf("%d resources, want 2000", len(g.Resources))
	}
	// Computed by the provider and never configured: absent.
	vol := planTestResource(t, g, "aws_ebs_volume.r0[7]")
	if vol.Attr("arn") != nil || vol.Attr("iops") != nil {
		t.Error("computed, unconfigured attributes kept")
	}
	// Configured from another resource: unknown, with its reference.
	planTestRefs(t, vol.Attr("kms_key_id"), "aws_kms_key.r2[0].arn")
	if v := vol.Attr("kms_key_id").Value; v.IsKnown() {
		t.Errorf("kms_key_id = %#v, want unknown", v)
	}
	db := planTestResource(t, g, "module.app[1].aws_db_instance.r1[7]")
	if db.Attr("endpoint") != nil || db.Attr("storage_encrypted").Bool() != graph.False {
		t.Errorf("module instance: endpoint %v, storage_encrypted %v", db.Attr("endpoint"), db.Attr("storage_encrypted"))
	}
	if rb := planTestResource(t, g, "aws_instance.r4[3]").Blocks("root_block_device"); len(rb) != 1 || rb[0].Attr("encrypted").Bool() != graph.False {
		t.Errorf("root_block_device = %+v", rb)
	}
}

// planBenchCPU runs op in the benchmark loop and, where the system says,
// reports the process's CPU time per op (cpu-ns/op): on a loaded machine
// wall time mostly measures the other processes.
func planBenchCPU(b *testing.B, op func()) {
	runtime.GC()
	start, ok := planProcessCPU()
	n := 0
	b.ResetTimer()
	for b.Loop() {
		op()
		n++
	}
	b.StopTimer()
	if end, ok2 := planProcessCPU(); ok && ok2 && n > 0 {
		b.ReportMetric(float64(end-start)/float64(n), "cpu-ns/op")
	}
}

func BenchmarkUnmarshalPlan50k(b *testing.B) {
	data, err := corpus.Plan(50000)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	planBenchCPU(b, func() {
		var p tfjson.Plan
		if err := json.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkLoadPlan50k(b *testing.B) {
	path, data := planWriteSynthetic(b, 50000)
	b.SetBytes(int64(len(data)))
	planBenchCPU(b, func() {
		g, diags := loadPlan(path, Options{}, nil)
		if diags.HasErrors() || len(g.Resources) != 50000 {
			b.Fatal(diags)
		}
	})
}
