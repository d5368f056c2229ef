package plangen

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
)

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func loadOne(t *testing.T, path string) *graph.Graph {
	t.Helper()
	res := parser.Load([]string{path}, parser.Options{})
	for _, d := range res.Diags {
		t.Errorf("load %s: %s", path, d.Error())
	}
	if len(res.Graphs) != 1 {
		t.Fatalf("load %s: %d graphs", path, len(res.Graphs))
	}
	return res.Graphs[0]
}

func attrsByPath(r *graph.Resource) map[string]*graph.Attribute {
	out := map[string]*graph.Attribute{}
	r.Body.AllAttributes(func(a *graph.Attribute) { out[a.Path] = a })
	return out
}

func blocksByPath(b *graph.Block, out map[string]*graph.Block) map[string]*graph.Block {
	for _, nb := range b.Blocks {
		out[nb.Path] = nb
		blocksByPath(nb, out)
	}
	return out
}

func refStrings(a *graph.Attribute) []string {
	var out []string
	for _, r := range a.Refs {
		out = append(out, r.Base+graph.KeyString(r.Key)+"."+r.Attr)
	}
	sort.Strings(out)
	return out
}

func sameStart(a, b hcl.Range) bool {
	return a.Filename == b.Filename && a.Start.Line == b.Start.Line && a.Start.Column == b.Start.Column
}

// The plan of a configuration, read back by the plan loader, must give the
// rules what the HCL loader gives them: the same resources at the same
// lines, the same configured values and references, and nothing set that
// the configuration omits except values the provider plans as its defaults.
func TestRoundTripMatchesHCL(t *testing.T) {
	tmp := t.TempDir()
	copyTree(t, "testdata/stack", filepath.Join(tmp, "stack"))
	t.Chdir(tmp)
	if err := WriteFixture("stack"); err != nil {
		t.Fatal(err)
	}
	hg := loadOne(t, "stack")
	pg := loadOne(t, "stack/plan.json")
	if pg.Provider.Constraint != hg.Provider.Constraint {
		t.Errorf("provider constraint %q, HCL %q", pg.Provider.Constraint, hg.Provider.Constraint)
	}
	if len(pg.Resources) != len(hg.Resources) {
		t.Fatalf("plan has %d resources, HCL %d", len(pg.Resources), len(hg.Resources))
	}
	for i, hr := range hg.Resources {
		pr := pg.Resources[i]
		if pr.Address != hr.Address || pr.Module != hr.Module || graph.KeyString(pr.Key) != graph.KeyString(hr.Key) {
			t.Errorf("resource %d: plan %s (%q %s), HCL %s (%q %s)", i, pr.Address, pr.Module, graph.KeyString(pr.Key), hr.Address, hr.Module, graph.KeyString(hr.Key))
			continue
		}
		if !sameStart(pr.DeclRange, hr.DeclRange) || !sameStart(pr.BlockRange, hr.BlockRange) {
			t.Errorf("%s: plan at %s, HCL at %s", hr.Address, pr.DeclRange, hr.DeclRange)
		}
		if len(pr.ModuleCalls) != len(hr.ModuleCalls) {
			t.Errorf("%s: module calls %v, HCL %v", hr.Address, pr.ModuleCalls, hr.ModuleCalls)
		}
		for j := range hr.ModuleCalls {
			if j < len(pr.ModuleCalls) && (pr.ModuleCalls[j].Address != hr.ModuleCalls[j].Address || !sameStart(pr.ModuleCalls[j].DeclRange, hr.ModuleCalls[j].DeclRange)) {
				t.Errorf("%s: module call %+v, HCL %+v", hr.Address, pr.ModuleCalls[j], hr.ModuleCalls[j])
			}
		}
		hattrs, pattrs := attrsByPath(hr), attrsByPath(pr)
		for path, ha := range hattrs {
			pa := pattrs[path]
			if pa == nil {
				t.Errorf("%s: %s missing from the plan", hr.Address, path)
				continue
			}
			if !sameStart(pa.Range, ha.Range) {
				t.Errorf("%s: %s at %s, HCL %s", hr.Address, path, pa.Range, ha.Range)
			}
			if ha.Value.IsWhollyKnown() {
				hv, _ := ctyJSON(ha.Value)
				pv, pu := ctyJSON(pa.Value)
				if pu != nil || !reflect.DeepEqual(hv, pv) {
					t.Errorf("%s: %s = %#v, HCL %#v", hr.Address, path, pa.Value, ha.Value)
				}
			} else if pa.Value.IsWhollyKnown() {
				t.Errorf("%s: %s known in the plan (%#v), unknown in HCL", hr.Address, path, pa.Value)
			}
			if got, want := refStrings(pa), refStrings(ha); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s refs %v, HCL %v", hr.Address, path, got, want)
			}
			if pa.IsSet() != ha.IsSet() {
				t.Errorf("%s: %s set %v, HCL %v", hr.Address, path, pa.IsSet(), ha.IsSet())
			}
		}
		hblocks := blocksByPath(hr.Body, map[string]*graph.Block{})
		pblocks := blocksByPath(pr.Body, map[string]*graph.Block{})
		for path, hb := range hblocks {
			pb := pblocks[path]
			if pb == nil {
				t.Errorf("%s: block %s missing from the plan", hr.Address, path)
				continue
			}
			if !sameStart(pb.Range, hb.Range) {
				t.Errorf("%s: block %s at %s, HCL %s", hr.Address, path, pb.Range, hb.Range)
			}
		}
		// What only the plan has are the provider's planned defaults: known
		// values at the enclosing block's header.
		for path, pa := range pattrs {
			if hattrs[path] != nil {
				continue
			}
			if !pa.Value.IsWhollyKnown() {
				t.Errorf("%s: %s is unknown in the plan but not configured", hr.Address, path)
			}
			if pa.Range.Filename == "" || !strings.HasSuffix(pa.Range.Filename, ".tf") {
				t.Errorf("%s: default %s points at %s", hr.Address, path, pa.Range)
			}
		}
		for path := range pblocks {
			if hblocks[path] == nil && !strings.HasPrefix(path, "point_in_time_recovery") {
				t.Errorf("%s: block %s only in the plan", hr.Address, path)
			}
		}
	}

	byAddr := func(addr string) *graph.Resource {
		for _, r := range pg.Resources {
			if r.Address == addr {
				return r
			}
		}
		t.Fatalf("no %s in the plan", addr)
		return nil
	}
	// Omitted and computed: absent, so the documented default applies.
	if byAddr("aws_s3_bucket.phi").Attr("server_side_encryption_configuration") != nil || len(byAddr("aws_s3_bucket.phi").Blocks("server_side_encryption_configuration")) != 0 {
		t.Error("bucket encryption should be omitted")
	}
	if byAddr("aws_instance.app[0]").Attr("tenancy") != nil {
		t.Error("instance tenancy should be omitted")
	}
	// Omitted with a provider default: planned as that value.
	if s, _ := byAddr("aws_vpc.main").Attr("instance_tenancy").String(); s != "default" {
		t.Errorf("vpc instance_tenancy = %q", s)
	}
	if byAddr("aws_kms_key.k").Attr("enable_key_rotation").Bool() != graph.False {
		t.Error("kms enable_key_rotation should default to false")
	}
	if byAddr("aws_rds_cluster.serverless").Attr("storage_encrypted").Bool() != graph.True {
		t.Error("a Serverless v1 cluster defaults to encrypted")
	}
	pitr := byAddr("aws_dynamodb_table.t").Blocks("point_in_time_recovery")
	if len(pitr) != 1 || pitr[0].Attr("enabled").Bool() != graph.False {
		t.Errorf("point_in_time_recovery = %+v", pitr)
	}
	if byAddr("aws_dynamodb_table.t").Attr("server_side_encryption") != nil {
		t.Error("dynamodb server_side_encryption should be omitted")
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	res := parser.Load([]string{"testdata/stack"}, parser.Options{})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	first, err := Generate(res.Graphs[0], res.Files)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		again := parser.Load([]string{"testdata/stack"}, parser.Options{})
		out, err := Generate(again.Graphs[0], again.Files)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, first) {
			t.Fatal("two generations differ")
		}
	}
	// terraform-json reads it as a plan of a supported format.
	var p tfjson.Plan
	if err := json.Unmarshal(first, &p); err != nil {
		t.Fatalf("terraform-json rejects the plan: %v", err)
	}
	if p.Config.RootModule.ModuleCalls["db"].Source != "./modules/db" {
		t.Errorf("module source = %q", p.Config.RootModule.ModuleCalls["db"].Source)
	}
	if out := p.Config.RootModule.ModuleCalls["db"].Module.Outputs["key_arn"]; out == nil || len(out.Expression.References) == 0 {
		t.Errorf("module output = %+v", out)
	}
	var rc *tfjson.ResourceChange
	for _, c := range p.ResourceChanges {
		if c.Address == "aws_s3_bucket_server_side_encryption_configuration.phi" {
			rc = c
		}
	}
	if rc == nil {
		t.Fatal("no change for the encryption configuration")
	}
	after := rc.Change.After.(map[string]any)
	unknown := rc.Change.AfterUnknown.(map[string]any)
	if _, ok := after["bucket"]; ok || unknown["bucket"] != true || unknown["id"] != true {
		t.Errorf("after %v, after_unknown %v: bucket and id should be unknown and absent", after, unknown)
	}
}

func TestUnknownInputIsRefused(t *testing.T) {
	res := parser.Load([]string{"testdata/unknownvar"}, parser.Options{})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	_, err := Generate(res.Graphs[0], res.Files)
	if !errors.Is(err, ErrUnknownInput) || !strings.Contains(err.Error(), "aws_ebs_volume.data: encrypted") {
		t.Fatalf("err = %v", err)
	}
	if err := WriteFixture("testdata/unknownvar"); !errors.Is(err, ErrUnknownInput) {
		t.Fatalf("WriteFixture err = %v", err)
	}
	if _, err := os.Stat("testdata/unknownvar/plan.json"); err == nil {
		os.Remove("testdata/unknownvar/plan.json")
		t.Fatal("a plan was written for an unknown input")
	}
}

// Without sources, Generate works from the graph alone: references within
// the resource's module are written, and the plan loader reads them back.
func TestGenerateFromGraphOnly(t *testing.T) {
	bucket := &graph.Resource{Address: "module.s3.aws_s3_bucket.b", Module: "module.s3", Type: "aws_s3_bucket", Name: "b", Key: cty.NilVal,
		ModuleCalls: []graph.ModuleCall{{Name: "s3", Address: "module.s3"}},
		Body: &graph.Block{Attrs: map[string]*graph.Attribute{
			"bucket": {Name: "bucket", Path: "bucket", Value: cty.StringVal("acme")},
		}}}
	versioning := &graph.Resource{Address: "module.s3.aws_s3_bucket_versioning.v[0]", Module: "module.s3", Type: "aws_s3_bucket_versioning", Name: "v", Key: cty.NumberIntVal(0),
		ModuleCalls: []graph.ModuleCall{{Name: "s3", Address: "module.s3"}},
		Body: &graph.Block{
			Attrs: map[string]*graph.Attribute{
				"bucket": {Name: "bucket", Path: "bucket", Value: cty.UnknownVal(cty.String), Refs: []graph.Ref{{Base: "module.s3.aws_s3_bucket.b", Key: cty.NilVal, Attr: "id"}}},
			},
			Blocks: []*graph.Block{{Type: "versioning_configuration", Path: "versioning_configuration[0]", Attrs: map[string]*graph.Attribute{
				"status": {Name: "status", Path: "versioning_configuration[0].status", Value: cty.StringVal("Enabled")},
			}}},
		}}
	g := graph.New("stack", graph.ProviderVersion{Constraint: ">= 5.0"}, []*graph.Resource{versioning, bucket})
	data, err := Generate(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	pg := loadOne(t, path)
	var v, b *graph.Resource
	for _, r := range pg.Resources {
		switch r.Address {
		case versioning.Address:
			v = r
		case bucket.Address:
			b = r
		}
	}
	if v == nil || b == nil {
		t.Fatalf("resources %v", pg.Resources)
	}
	ref := v.Attr("bucket")
	if ref == nil || ref.Value.IsKnown() || ref.IsSet() != graph.True {
		t.Fatalf("versioning bucket = %+v", ref)
	}
	if got := pg.Follow(ref, "aws_s3_bucket"); len(got) != 1 || got[0] != b {
		t.Errorf("follows to %v", got)
	}
	if s, _ := v.Blocks("versioning_configuration")[0].Attr("status").String(); s != "Enabled" {
		t.Errorf("status = %q", s)
	}
	if b.Attr("versioning") != nil || b.Attr("id") != nil {
		t.Error("computed attributes should be omitted")
	}
	if s, _ := b.Attr("bucket").String(); s != "acme" {
		t.Errorf("bucket = %q", s)
	}
}

func TestUnknownCountIsRefused(t *testing.T) {
	r := &graph.Resource{Address: "aws_kms_key.k[*]", Type: "aws_kms_key", Name: "k", Key: cty.UnknownVal(cty.Number), Body: &graph.Block{Attrs: map[string]*graph.Attribute{}}}
	_, err := Generate(graph.New("x", graph.ProviderVersion{}, []*graph.Resource{r}), nil)
	if !errors.Is(err, ErrUnknownInput) {
		t.Fatalf("err = %v", err)
	}
}

func TestRenderRefs(t *testing.T) {
	for src, want := range map[string][]string{
		`aws_kms_key.k.arn`:                   {"aws_kms_key.k.arn", "aws_kms_key.k"},
		`aws_subnet.app["a"].id`:              {`aws_subnet.app["a"].id`, `aws_subnet.app["a"]`, "aws_subnet.app"},
		`aws_instance.x[0]`:                   {"aws_instance.x[0]", "aws_instance.x"},
		`data.aws_iam_policy_document.p.json`: {"data.aws_iam_policy_document.p.json", "data.aws_iam_policy_document.p"},
		`module.db.key_arn`:                   {"module.db.key_arn", "module.db"},
		`"${var.env}-${local.name}"`:          {"var.env", "local.name"},
		`[for s in var.list : s.id]`:          {"var.list"},
		`each.key == "a" ? 1 : count.index`:   {"each.key", "count.index"},
		`"literal"`:                           nil,
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "x.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if got := renderRefs(expr.Variables()); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: refs %q, want %q", src, got, want)
		}
	}
}

func TestRelSource(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"testdata/x/case", "testdata/x/case/modules/db", "./modules/db"},
		{"testdata/x/case", "testdata/x/shared", "../shared"},
		{".", "modules/a", "./modules/a"},
		{"a/b", "a/b", "./"},
	} {
		if got := relSource(c.from, c.to); got != c.want {
			t.Errorf("relSource(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

func TestCtyJSON(t *testing.T) {
	v := cty.ObjectVal(map[string]cty.Value{
		"known": cty.StringVal("a"),
		"gone":  cty.UnknownVal(cty.String),
		"list":  cty.TupleVal([]cty.Value{cty.StringVal("x"), cty.UnknownVal(cty.String)}),
		"n":     cty.NumberIntVal(42),
		"null":  cty.NullVal(cty.String),
	})
	val, unk := ctyJSON(v)
	wantVal := map[string]any{"known": "a", "list": []any{"x", nil}, "n": json.Number("42"), "null": nil}
	wantUnk := map[string]any{"gone": true, "list": []any{false, true}}
	if !reflect.DeepEqual(val, wantVal) || !reflect.DeepEqual(unk, wantUnk) {
		t.Errorf("ctyJSON = %#v, %#v", val, unk)
	}
}
