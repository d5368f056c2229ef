package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// planSynthetic builds a `terraform show -json` plan of n resource instances,
// shaped like a large real plan: half in the root module and half spread
// over module instances, 100 instances per configured resource (count), with
// known values, a nested block, tags, references and after_unknown marks.
func planSynthetic(n int) []byte {
	const perResource = 100
	types := []string{"aws_s3_bucket", "aws_instance", "aws_db_instance", "aws_kms_key", "aws_ebs_volume"}
	type module struct {
		addr      string
		resources []any
	}
	root := &module{}
	children := map[string]*module{}
	var childOrder []string
	var changes []any
	cfgRoot := []any{}
	cfgChild := []any{}
	for i := 0; i < n; i++ {
		block := i / perResource
		typ := types[block%len(types)]
		name := fmt.Sprintf("r%d", block)
		mod := root
		modAddr := ""
		if block%2 == 1 {
			modAddr = fmt.Sprintf("module.app[%d]", block%10)
			if children[modAddr] == nil {
				children[modAddr] = &module{addr: modAddr}
				childOrder = append(childOrder, modAddr)
			}
			mod = children[modAddr]
		}
		idx := i % perResource
		addr := fmt.Sprintf("%s.%s[%d]", typ, name, idx)
		if modAddr != "" {
			addr = modAddr + "." + addr
		}
		values := map[string]any{
			"name":              fmt.Sprintf("%s-%d", name, idx),
			"encrypted":         idx%2 == 0,
			"size":              100 + idx,
			"tags":              map[string]any{"Name": name, "Env": "prod", "Team": "data"},
			"force_destroy":     false,
			"description":       "Managed by Terraform",
			"enabled":           true,
			"engine":            "postgres",
			"security_groups":   []any{"sg-1", "sg-2"},
			"timeouts":          nil,
			"root_block_device": []any{map[string]any{"encrypted": true, "volume_size": 20, "delete_on_termination": true}},
		}
		unknown := map[string]any{
			"arn": true, "id": true, "kms_key_id": true, "tags_all": true, "tenancy": true,
			"root_block_device": []any{map[string]any{"volume_id": true, "iops": true}},
		}
		mod.resources = append(mod.resources, map[string]any{
			"address": addr, "mode": "managed", "type": typ, "name": name, "index": idx,
			"provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
			"values": values, "sensitive_values": map[string]any{"tags": map[string]any{}},
		})
		change := map[string]any{
			"address": addr, "mode": "managed", "type": typ, "name": name, "index": idx,
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{
				"actions": []any{"create"}, "before": nil, "after": values, "after_unknown": unknown,
				"before_sensitive": false, "after_sensitive": map[string]any{"tags": map[string]any{}},
			},
		}
		if modAddr != "" {
			change["module_address"] = modAddr
		}
		changes = append(changes, change)
		if idx == 0 {
			cfg := map[string]any{
				"address": typ + "." + name, "mode": "managed", "type": typ, "name": name,
				"provider_config_key": "aws", "schema_version": 0,
				"count_expression": map[string]any{"constant_value": perResource},
				"expressions": map[string]any{
					"name":              map[string]any{"references": []any{"count.index"}},
					"encrypted":         map[string]any{"constant_value": true},
					"size":              map[string]any{"references": []any{"count.index"}},
					"tags":              map[string]any{"constant_value": map[string]any{"Name": name}},
					"kms_key_id":        map[string]any{"references": []any{"aws_kms_key.k.arn", "aws_kms_key.k"}},
					"root_block_device": []any{map[string]any{"encrypted": map[string]any{"constant_value": true}}},
				},
			}
			if modAddr == "" {
				cfgRoot = append(cfgRoot, cfg)
			} else {
				cfgChild = append(cfgChild, cfg)
			}
		}
	}
	var childModules []any
	for _, a := range childOrder {
		childModules = append(childModules, map[string]any{"address": a, "resources": children[a].resources})
	}
	plan := map[string]any{
		"format_version":    "1.2",
		"terraform_version": "1.9.8",
		"planned_values": map[string]any{"root_module": map[string]any{
			"resources": root.resources, "child_modules": childModules,
		}},
		"resource_changes": changes,
		"configuration": map[string]any{
			"provider_config": map[string]any{"aws": map[string]any{"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws", "version_constraint": "~> 5.0"}},
			"root_module": map[string]any{
				"resources": cfgRoot,
				"module_calls": map[string]any{"app": map[string]any{
					"source":           "./modules/app",
					"count_expression": map[string]any{"constant_value": 10},
					"module":           map[string]any{"resources": cfgChild},
				}},
			},
		},
	}
	data, err := json.Marshal(plan)
	if err != nil {
		panic(err)
	}
	return data
}

func planWriteSynthetic(tb testing.TB, n int) (string, []byte) {
	tb.Helper()
	data := planSynthetic(n)
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
	r := planTestResource(t, g, "module.app[5].aws_s3_bucket.r5[7]")
	if r.Attr("tenancy") != nil || r.Attr("arn") != nil {
		t.Error("computed, unconfigured attributes kept")
	}
	planTestRefs(t, r.Attr("kms_key_id"), "module.app[5].aws_kms_key.k.arn")
	if rb := r.Blocks("root_block_device"); len(rb) != 1 || rb[0].Attr("encrypted").Bool() != graph.True {
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
	data := planSynthetic(50000)
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
