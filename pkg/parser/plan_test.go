package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// planTestLoad loads a plan fixture and fails on any diagnostic.
func planTestLoad(t *testing.T, path string) (*graph.Graph, map[string][]byte) {
	t.Helper()
	files := map[string][]byte{}
	g, diags := loadPlan(path, Options{}, files)
	if len(diags) > 0 {
		t.Fatalf("loadPlan(%s): %v", path, diags)
	}
	if g == nil {
		t.Fatalf("loadPlan(%s): no graph", path)
	}
	return g, files
}

func planTestResource(t *testing.T, g *graph.Graph, addr string) *graph.Resource {
	t.Helper()
	for _, r := range g.Resources {
		if r.Address == addr {
			return r
		}
	}
	var have []string
	for _, r := range g.Resources {
		have = append(have, r.Address)
	}
	if len(have) > 20 {
		have = append(have[:20], "...")
	}
	t.Fatalf("no resource %s; have %v", addr, have)
	return nil
}

// planTestLine is the 1-based line of the first line of file that contains
// every one of parts, so expectations follow the fixture rather than
// repeating its line numbers.
func planTestLine(t *testing.T, file string, parts ...string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		all := true
		for _, p := range parts {
			if !strings.Contains(line, p) {
				all = false
				break
			}
		}
		if all {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", file, parts)
	return 0
}

func planTestAt(t *testing.T, what string, rng hcl.Range, file string, line int) {
	t.Helper()
	if rng.Filename != file || rng.Start.Line != line {
		t.Errorf("%s is at %s:%d, want %s:%d", what, rng.Filename, rng.Start.Line, file, line)
	}
	if rng.Start.Column < 1 {
		t.Errorf("%s has column %d", what, rng.Start.Column)
	}
}

func planTestNested(t *testing.T, b *graph.Block, path ...string) *graph.Block {
	t.Helper()
	for _, p := range path {
		bs := b.NestedBlocks(p)
		if len(bs) == 0 {
			t.Fatalf("block %q has no nested %q", b.Path, p)
		}
		b = bs[0]
	}
	return b
}

func planTestRefs(t *testing.T, a *graph.Attribute, want ...string) {
	t.Helper()
	if a == nil {
		t.Fatalf("attribute missing, want refs %v", want)
	}
	var got []string
	for _, r := range a.Refs {
		got = append(got, r.Base+graph.KeyString(r.Key)+"."+r.Attr)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s refs = %v, want %v", a.Path, got, want)
	}
}

func TestLoadPlanSetUnknownVersusOmittedComputed(t *testing.T) {
	g, _ := planTestLoad(t, "testdata/plan_src/plan.json")

	// Provider-computed and never configured: absent, so the documented
	// default applies (no encryption block, no tenancy).
	bucket := planTestResource(t, g, "aws_s3_bucket.phi")
	for _, name := range []string{"server_side_encryption_configuration", "versioning", "logging", "arn", "id"} {
		if a := bucket.Attr(name); a != nil {
			t.Errorf("bucket %s = %#v, want omitted", name, a.Value)
		}
		if bs := bucket.Blocks(name); len(bs) != 0 {
			t.Errorf("bucket has %d %s blocks, want none", len(bs), name)
		}
	}
	if s, ok := bucket.Attr("bucket").String(); !ok || s != "acme-phi" {
		t.Errorf("bucket name = %q, %v", s, ok)
	}
	inst := planTestResource(t, g, "aws_instance.app[0]")
	if a := inst.Attr("tenancy"); a != nil {
		t.Errorf("instance tenancy = %#v, want omitted", a.Value)
	}

	// Configured from something unknown: present, unknown, and set.
	sse := planTestResource(t, g, "aws_s3_bucket_server_side_encryption_configuration.phi")
	b := sse.Attr("bucket")
	if b == nil || b.Value.IsKnown() || b.IsSet() != graph.True {
		t.Fatalf("sse bucket = %+v, want set and unknown", b)
	}
	planTestRefs(t, b, "aws_s3_bucket.phi.id")
	if got := g.Follow(b, "aws_s3_bucket"); len(got) != 1 || got[0] != bucket {
		t.Errorf("sse bucket follows to %v", got)
	}
	def := planTestNested(t, sse.Body, "rule", "apply_server_side_encryption_by_default")
	kms := def.Attr("kms_master_key_id")
	if kms == nil || kms.Value.IsKnown() || kms.IsSet() != graph.True {
		t.Fatalf("kms_master_key_id = %+v, want set and unknown", kms)
	}
	if kms.Path != "rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id" {
		t.Errorf("nested path = %q", kms.Path)
	}
	planTestRefs(t, kms, "aws_kms_key.k.arn")
	if s, _ := def.Attr("sse_algorithm").String(); s != "aws:kms" {
		t.Errorf("sse_algorithm = %q", s)
	}

	// A provider default the plan knows is a known value.
	vpc := planTestResource(t, g, "aws_vpc.main")
	if s, _ := vpc.Attr("instance_tenancy").String(); s != "default" {
		t.Errorf("instance_tenancy = %q", s)
	}
	// A null the configuration never wrote is not an attribute.
	if a := vpc.Attr("ipv4_ipam_pool_id"); a != nil {
		t.Errorf("unset null kept as %#v", a.Value)
	}
	// A known empty block list the configuration never wrote is no block.
	if bs := inst.Blocks("credit_specification"); len(bs) != 0 {
		t.Errorf("credit_specification blocks = %d", len(bs))
	}
	if a := inst.Attr("credit_specification"); a != nil {
		t.Errorf("credit_specification kept as attribute %#v", a.Value)
	}
}

func TestLoadPlanAddressesAndKeys(t *testing.T) {
	g, _ := planTestLoad(t, "testdata/plan_src/plan.json")
	var got []string
	for _, r := range g.Resources {
		got = append(got, r.Address)
	}
	want := []string{
		"aws_cloudwatch_log_group.db",
		"aws_instance.app[0]",
		"aws_instance.app[1]",
		"aws_kms_key.k",
		"aws_s3_bucket.phi",
		"aws_s3_bucket_server_side_encryption_configuration.phi",
		`aws_subnet.app["a"]`,
		`aws_subnet.app["b"]`,
		"aws_vpc.main",
		"data.aws_iam_policy_document.tls",
		"module.db.aws_db_instance.main[0]",
		"module.db.aws_db_subnet_group.this",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("resources:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	inst := planTestResource(t, g, "aws_instance.app[1]")
	if !inst.Key.Type().Equals(cty.Number) || inst.Key.AsBigFloat().String() != "1" {
		t.Errorf("count key = %#v", inst.Key)
	}
	sub := planTestResource(t, g, `aws_subnet.app["b"]`)
	if !sub.Key.Type().Equals(cty.String) || sub.Key.AsString() != "b" {
		t.Errorf("for_each key = %#v", sub.Key)
	}
	if planTestResource(t, g, "aws_vpc.main").Key != cty.NilVal {
		t.Error("a resource without count has a key")
	}
	db := planTestResource(t, g, "module.db.aws_db_instance.main[0]")
	if db.Module != "module.db" || db.Type != "aws_db_instance" || db.Name != "main" || db.Base() != "module.db.aws_db_instance.main" {
		t.Errorf("module resource = %q %q %q %q", db.Module, db.Type, db.Name, db.Base())
	}
	if len(db.ModuleCalls) != 1 || db.ModuleCalls[0].Name != "db" || db.ModuleCalls[0].Address != "module.db" {
		t.Errorf("module calls = %+v", db.ModuleCalls)
	}
	data := planTestResource(t, g, "data.aws_iam_policy_document.tls")
	if data.Mode != graph.Data {
		t.Error("data source is not in data mode")
	}
	if len(g.OfType("data.aws_iam_policy_document")) != 1 {
		t.Error("data source not indexed by type")
	}
	st := planTestNested(t, data.Body, "statement")
	if s, _ := st.Attr("effect").String(); s != "Deny" {
		t.Errorf("statement effect = %q", s)
	}
	if g.Provider.Constraint != "~> 5.0" || g.Provider.Locked != "5.31.0" {
		t.Errorf("provider = %+v", g.Provider)
	}
	if g.Provider.AtLeast(5) != graph.True {
		t.Error("provider should be known to be v5")
	}
}

func TestLoadPlanReferences(t *testing.T) {
	g, _ := planTestLoad(t, "testdata/plan_src/plan.json")
	inst := planTestResource(t, g, "aws_instance.app[0]")
	planTestRefs(t, inst.Attr("subnet_id"), `aws_subnet.app["a"].id`)
	if got := g.Follow(inst.Attr("subnet_id"), "aws_subnet"); len(got) != 1 || got[0].Address != `aws_subnet.app["a"]` {
		t.Errorf("subnet_id follows to %v", got)
	}
	vpc := planTestResource(t, g, "aws_vpc.main")
	if edges := g.Referrers(vpc, "aws_subnet"); len(edges) != 2 {
		t.Errorf("vpc has %d subnet referrers, want 2", len(edges))
	}
	// each.key is no resource.
	planTestRefs(t, planTestResource(t, g, `aws_subnet.app["a"]`).Attr("cidr_block"))

	// Inside a module: a sibling, a module input, and through an output.
	db := planTestResource(t, g, "module.db.aws_db_instance.main[0]")
	planTestRefs(t, db.Attr("db_subnet_group_name"), "module.db.aws_db_subnet_group.this.name")
	planTestRefs(t, db.Attr("kms_key_id"), "aws_kms_key.k.arn")
	if got := g.Follow(db.Attr("kms_key_id"), "aws_kms_key"); len(got) != 1 || got[0].Address != "aws_kms_key.k" {
		t.Errorf("module kms_key_id follows to %v", got)
	}
	group := planTestResource(t, g, "module.db.aws_db_subnet_group.this")
	planTestRefs(t, group.Attr("subnet_ids"), `aws_subnet.app["a"].id`, `aws_subnet.app["b"].id`)
	logs := planTestResource(t, g, "aws_cloudwatch_log_group.db")
	planTestRefs(t, logs.Attr("kms_key_id"), "module.db.aws_db_instance.main[0].kms_key_id")
	if got := g.Follow(logs.Attr("kms_key_id"), "aws_db_instance"); len(got) != 1 || got[0] != db {
		t.Errorf("module output follows to %v", got)
	}
}

func TestLoadPlanSourceMapping(t *testing.T) {
	const dir = "testdata/plan_src"
	g, files := planTestLoad(t, dir+"/plan.json")
	if g.Root != dir+"/plan.json" {
		t.Errorf("root = %q", g.Root)
	}
	mainTF, dbTF := dir+"/main.tf", dir+"/modules/db/main.tf"
	for _, f := range []string{dir + "/plan.json", mainTF, dbTF, dir + "/.terraform.lock.hcl"} {
		want, _ := os.ReadFile(f)
		if got, ok := files[f]; !ok || string(got) != string(want) {
			t.Errorf("files[%q] missing or different", f)
		}
	}

	inst := planTestResource(t, g, "aws_instance.app[1]")
	planTestAt(t, "instance header", inst.DeclRange, mainTF, planTestLine(t, mainTF, `resource "aws_instance" "app"`))
	if inst.BlockRange.End.Line != planTestLine(t, mainTF, `module "db"`)-2 {
		t.Errorf("instance block ends at line %d", inst.BlockRange.End.Line)
	}
	planTestAt(t, "ami", inst.Attr("ami").Range, mainTF, planTestLine(t, mainTF, "ami-0abcdef1234567890"))
	if r := inst.Attr("ami").Range; r.Start.Column != 3 || r.End.Line != r.Start.Line {
		t.Errorf("ami range = %s, want the whole `ami = ...` from column 3", r)
	}
	root := planTestNested(t, inst.Body, "root_block_device")
	planTestAt(t, "root_block_device", root.Range, mainTF, planTestLine(t, mainTF, "root_block_device {"))
	planTestAt(t, "encrypted", root.Attr("encrypted").Range, mainTF, planTestLine(t, mainTF, "encrypted = true"))
	// Filled in by the provider, not in the source: the enclosing block.
	planTestAt(t, "delete_on_termination", root.Attr("delete_on_termination").Range, mainTF, root.Range.Start.Line)
	planTestAt(t, "source_dest_check", inst.Attr("source_dest_check").Range, mainTF, inst.DeclRange.Start.Line)

	sse := planTestResource(t, g, "aws_s3_bucket_server_side_encryption_configuration.phi")
	def := planTestNested(t, sse.Body, "rule", "apply_server_side_encryption_by_default")
	planTestAt(t, "apply_server_side_encryption_by_default", def.Range, mainTF, planTestLine(t, mainTF, "apply_server_side_encryption_by_default {"))
	planTestAt(t, "kms_master_key_id", def.Attr("kms_master_key_id").Range, mainTF, planTestLine(t, mainTF, "kms_master_key_id"))

	data := planTestResource(t, g, "data.aws_iam_policy_document.tls")
	planTestAt(t, "data header", data.DeclRange, mainTF, planTestLine(t, mainTF, `data "aws_iam_policy_document" "tls"`))

	db := planTestResource(t, g, "module.db.aws_db_instance.main[0]")
	planTestAt(t, "module resource header", db.DeclRange, dbTF, planTestLine(t, dbTF, `resource "aws_db_instance" "main"`))
	planTestAt(t, "module storage_encrypted", db.Attr("storage_encrypted").Range, dbTF, planTestLine(t, dbTF, "storage_encrypted"))
	call := db.ModuleCalls[0]
	planTestAt(t, "module call", call.DeclRange, mainTF, planTestLine(t, mainTF, `module "db"`))
	if call.BlockRange.End.Line <= call.DeclRange.Start.Line {
		t.Errorf("module block range %s does not span the block", call.BlockRange)
	}
}

func TestLoadPlanWithoutSources(t *testing.T) {
	const planFile = "testdata/plan_nosrc/plan.json"
	g, files := planTestLoad(t, planFile)
	if len(files) != 1 {
		t.Errorf("read %d files, want the plan only", len(files))
	}
	for _, addr := range []string{"aws_instance.app[1]", `aws_subnet.app["a"]`, "module.db.aws_db_instance.main[0]", "data.aws_iam_policy_document.tls"} {
		r := planTestResource(t, g, addr)
		quoted, _ := json.Marshal(addr)
		line := planTestLine(t, planFile, `"address": `+string(quoted))
		planTestAt(t, addr, r.DeclRange, planFile, line)
		planTestAt(t, addr+" block", r.BlockRange, planFile, line)
		if r.DeclRange.Start.Column != 1 {
			t.Errorf("%s column = %d, want 1", addr, r.DeclRange.Start.Column)
		}
		r.Body.AllAttributes(func(a *graph.Attribute) {
			planTestAt(t, addr+" "+a.Path, a.Range, planFile, line)
		})
	}
	db := planTestResource(t, g, "module.db.aws_db_instance.main[0]")
	planTestAt(t, "module call", db.ModuleCalls[0].DeclRange, planFile, planTestLine(t, planFile, `"address": "module.db"`))
	if g.Provider.Locked != "" || g.Provider.Constraint != "~> 5.0" {
		t.Errorf("provider = %+v", g.Provider)
	}
}

func TestLoadPlanWithoutConfiguration(t *testing.T) {
	data, err := os.ReadFile("testdata/plan_nosrc/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "configuration")
	out, _ := json.MarshalIndent(doc, "", "  ")
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	g, _ := planTestLoad(t, path)
	// Nothing tells set from computed: every unknown stays, unknown.
	inst := planTestResource(t, g, "aws_instance.app[0]")
	if a := inst.Attr("tenancy"); a == nil || a.Value.IsKnown() {
		t.Errorf("tenancy = %+v, want an unknown attribute", a)
	}
	bucket := planTestResource(t, g, "aws_s3_bucket.phi")
	if a := bucket.Attr("server_side_encryption_configuration"); a == nil || a.Value.IsKnown() {
		t.Errorf("server_side_encryption_configuration = %+v, want an unknown attribute", a)
	}
	// Partly unknown nested blocks keep their unknown parts.
	root := planTestNested(t, inst.Body, "root_block_device")
	if a := root.Attr("volume_id"); a == nil || a.Value.IsKnown() {
		t.Errorf("root_block_device volume_id = %+v", a)
	}
	if inst.Attr("subnet_id").Refs != nil {
		t.Error("references without a configuration")
	}
	if g.Provider.Constraint != "" {
		t.Errorf("provider = %+v", g.Provider)
	}
}

func TestLoadState(t *testing.T) {
	const file = "testdata/plan_state/terraform.tfstate.json"
	g, _ := planTestLoad(t, file)
	if len(g.Resources) != 11 {
		t.Errorf("%d resources, want 11", len(g.Resources))
	}
	inst := planTestResource(t, g, "aws_instance.app[0]")
	if s, _ := inst.Attr("tenancy").String(); s != "default" {
		t.Errorf("tenancy = %q", s)
	}
	bucket := planTestResource(t, g, "aws_s3_bucket.phi")
	def := planTestNested(t, bucket.Body, "server_side_encryption_configuration", "rule", "apply_server_side_encryption_by_default")
	alg := def.Attr("sse_algorithm")
	if s, _ := alg.String(); s != "AES256" {
		t.Errorf("sse_algorithm = %q", s)
	}
	if alg.Path != "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm" {
		t.Errorf("path = %q", alg.Path)
	}
	if v := planTestNested(t, bucket.Body, "versioning"); v.Attr("enabled").Bool() != graph.False {
		t.Error("versioning enabled should be false")
	}
	db := planTestResource(t, g, "module.db.aws_db_instance.main[0]")
	if n, ok := db.Attr("allocated_storage").Int(); !ok || n != 20 {
		t.Errorf("allocated_storage = %d, %v", n, ok)
	}
	planTestAt(t, "state resource", db.DeclRange, file, planTestLine(t, file, `"address": "module.db.aws_db_instance.main[0]"`))
}

func TestLoadPlanExactNumbersAndNesting(t *testing.T) {
	plan := `{"format_version":"1.2","planned_values":{"root_module":{"resources":[
{"address":"aws_x.y","mode":"managed","type":"aws_x","name":"y","values":{
 "big":12345678901234567890123,"frac":0.1,"tags":{"Env":"prod"},"list":[1,"a",null],
 "setting":[{"name":"a","value":"1"},{"name":"b","value":"2"}]}}]}}}`
	path := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	g, _ := planTestLoad(t, path)
	r := planTestResource(t, g, "aws_x.y")
	if got := r.Attr("big").Value.AsBigFloat().Text('f', -1); got != "12345678901234567890123" {
		t.Errorf("big = %s", got)
	}
	if got := r.Attr("frac").Value.AsBigFloat().Text('f', -1); got != "0.1" {
		t.Errorf("frac = %s", got)
	}
	tags := r.Attr("tags")
	if tags == nil || !tags.Value.Type().IsObjectType() || tags.Value.GetAttr("Env").AsString() != "prod" {
		t.Errorf("tags = %+v, want an object attribute", tags)
	}
	if l := r.Attr("list"); l == nil || l.Value.LengthInt() != 3 || !l.Value.Index(cty.NumberIntVal(2)).IsNull() {
		t.Errorf("list = %+v", l)
	}
	settings := r.Blocks("setting")
	if len(settings) != 2 || settings[1].Path != "setting[1]" || settings[1].Attrs["value"].Path != "setting[1].value" {
		t.Fatalf("settings = %+v", settings)
	}
	if s, _ := settings[1].Attr("name").String(); s != "b" {
		t.Errorf("setting[1].name = %q", s)
	}
}

func TestLoadPlanBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		path   string
		detail []string
		line   int
	}{
		{"testdata/plan_bad/truncated.json", []string{"testdata/plan_bad/truncated.json:", "unexpected end of JSON input"}, 0},
		{"testdata/plan_bad/syntax.json", []string{"testdata/plan_bad/syntax.json:1:", "syntax error", "invalid character '}'"}, 1},
		{"testdata/plan_bad/notplan.json", []string{"testdata/plan_bad/notplan.json", "no format_version"}, 1},
		{"testdata/plan_bad/wrongtype.json", []string{"testdata/plan_bad/wrongtype.json:", "wrong type", "values", "string", "expected an object"}, planTestLine(t, "testdata/plan_bad/wrongtype.json", "not an object")},
		{"testdata/plan_bad/future.json", []string{"unsupported format_version", `"2.0"`}, 1},
		{write("empty.json", "  \n"), []string{"empty.json", "empty"}, 1},
		{write("array.json", `[{"format_version":"1.2"}]`), []string{"array.json", "not a JSON object"}, 1},
		{write("garbage.json", "\x00\xff\xfe{{{"), []string{"garbage.json:1:1", "invalid character"}, 1},
		{write("trailing.json", `{"format_version":"1.2","values":{}} {"x":1}`), []string{"trailing.json:1:", "after the top-level object"}, 1},
		{write("nobody.json", `{"format_version":"1.2","terraform_version":"1.9.8"}`), []string{"no planned_values"}, 1},
		{write("badindex.json", `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"type":"aws_x","name":"y","index":{"a":1},"values":{}}]}}}`), nil, 0},
		{dir, []string{"Cannot read", "directory"}, 1},
		{filepath.Join(dir, "missing.json"), []string{"missing.json"}, 1},
	}
	for _, c := range cases {
		files := map[string][]byte{}
		g, diags := loadPlan(c.path, Options{}, files)
		if c.detail == nil {
			// Accepted with what it could use.
			if diags.HasErrors() || g == nil {
				t.Errorf("%s: %v", c.path, diags)
			}
			continue
		}
		if g != nil || !diags.HasErrors() || len(diags) != 1 {
			t.Errorf("%s: graph %v, diags %v; want one error", c.path, g != nil, diags)
			continue
		}
		d := diags[0]
		msg := d.Summary + ": " + d.Detail
		for _, want := range c.detail {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: message %q lacks %q", c.path, msg, want)
			}
		}
		if d.Subject == nil || !strings.HasSuffix(d.Subject.Filename, filepath.Base(c.path)) {
			t.Errorf("%s: subject %v", c.path, d.Subject)
		} else if c.line > 0 && d.Subject.Start.Line != c.line {
			t.Errorf("%s: error at line %d, want %d", c.path, d.Subject.Start.Line, c.line)
		}
	}
	// Truncated in the middle: the error points at the end of the file.
	data, _ := os.ReadFile("testdata/plan_bad/truncated.json")
	_, diags := loadPlan("testdata/plan_bad/truncated.json", Options{}, nil)
	if want := strings.Count(string(data), "\n") + 1; diags[0].Subject.Start.Line != want {
		t.Errorf("truncated: line %d, want %d", diags[0].Subject.Start.Line, want)
	}
}

func TestLoadPlanWorkDir(t *testing.T) {
	abs, err := filepath.Abs("testdata/plan_src/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	g, diags := loadPlan(abs, Options{WorkDir: "testdata"}, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if g.Root != "plan_src/plan.json" {
		t.Errorf("root = %q", g.Root)
	}
	if f := planTestResource(t, g, "aws_vpc.main").DeclRange.Filename; f != "plan_src/main.tf" {
		t.Errorf("source file = %q", f)
	}
}

func TestIsPlanJSON(t *testing.T) {
	for name, c := range map[string]struct {
		data string
		want bool
	}{
		"plan":              {`{"format_version":"1.2","planned_values":{}}`, true},
		"state":             {`{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{}}}`, true},
		"changes only":      {`{"resource_changes":[],"format_version":"1.2"}`, true},
		"body before":       {`{"planned_values":{"root_module":{"resources":[{"a":[1,{"b":2}]}]}},"format_version":"1.2"}`, true},
		"no version":        {`{"planned_values":{}}`, false},
		"no body":           {`{"format_version":"1.2","variables":{}}`, false},
		"nested keys":       {`{"x":{"format_version":"1.2","planned_values":{}}}`, false},
		"array":             {`[{"format_version":"1.2","planned_values":{}}]`, false},
		"tf.json":           {`{"resource":{"aws_s3_bucket":{"b":{"bucket":"x"}}}}`, false},
		"truncated":         {`{"format_version":"1.2","vari`, false},
		"empty":             {``, false},
		"package.json-like": {`{"name":"x","values":{"a":1}}`, false},
	} {
		if got := isPlanJSON([]byte(c.data)); got != c.want {
			t.Errorf("%s: isPlanJSON = %v, want %v", name, got, c.want)
		}
	}
	for _, f := range []string{"testdata/plan_src/plan.json", "testdata/plan_nosrc/plan.json", "testdata/plan_state/terraform.tfstate.json"} {
		data, _ := os.ReadFile(f)
		if !isPlanJSON(data) {
			t.Errorf("%s is not recognised", f)
		}
	}
}

// The plan lists `aws_s3_bucket.b[count.index].id` only as "aws_s3_bucket.b";
// with the source beside it, each instance refers to its own bucket.
func TestLoadPlanCountIndexReferences(t *testing.T) {
	g, _ := planTestLoad(t, "testdata/plan_count/plan.json")
	for i, want := range []string{"aws_s3_bucket.b[0].id", "aws_s3_bucket.b[1].id"} {
		v := planTestResource(t, g, fmt.Sprintf("aws_s3_bucket_versioning.b[%d]", i))
		planTestRefs(t, v.Attr("bucket"), want)
		bucket := planTestResource(t, g, fmt.Sprintf("aws_s3_bucket.b[%d]", i))
		if edges := g.Referrers(bucket, "aws_s3_bucket_versioning"); len(edges) != 1 || edges[0].From != v {
			t.Errorf("bucket %d has versioning referrers %v", i, edges)
		}
	}
	logging := planTestResource(t, g, `aws_s3_bucket_logging.b["x"]`)
	planTestRefs(t, logging.Attr("bucket"), "aws_s3_bucket.b[0].id")

	// Without the source the instance cannot be told: any bucket.
	data, err := os.ReadFile("testdata/plan_count/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	g, _ = planTestLoad(t, path)
	planTestRefs(t, planTestResource(t, g, "aws_s3_bucket_versioning.b[1]").Attr("bucket"), "aws_s3_bucket.b.")
}

// A registry module's source is where terraform init put it, as
// .terraform/modules/modules.json beside the plan says.
func TestLoadPlanRemoteModuleSources(t *testing.T) {
	const dir = "testdata/plan_remote"
	g, files := planTestLoad(t, dir+"/plan.json")
	vpc := planTestResource(t, g, "module.vpc.aws_vpc.this[0]")
	modTF := dir + "/.terraform/modules/vpc/main.tf"
	if _, ok := files[modTF]; !ok {
		t.Errorf("module source not read; files: %d", len(files))
	}
	planTestAt(t, "vpc", vpc.DeclRange, modTF, planTestLine(t, modTF, `resource "aws_vpc" "this"`))
	planTestAt(t, "instance_tenancy", vpc.Attr("instance_tenancy").Range, modTF, planTestLine(t, modTF, "instance_tenancy"))
	planTestAt(t, "module call", vpc.ModuleCalls[0].DeclRange, dir+"/main.tf", planTestLine(t, dir+"/main.tf", `module "vpc"`))
}

func TestPlanParseHCLRefusesDeepNesting(t *testing.T) {
	deep := "x = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	if planParseHCL([]byte(deep), "deep.tf") != nil {
		t.Error("a file nested 100000 deep was parsed")
	}
	if planParseHCL([]byte("resource \"a\" \"b\" {\n  x = [[1]]\n}\n"), "ok.tf") == nil {
		t.Error("an ordinary file was refused")
	}
}

// --chdir: the sources are elsewhere than the plan.
func TestLoadPlanSourcesElsewhere(t *testing.T) {
	g, diags := loadPlan("testdata/plan_nosrc/plan.json", Options{PlanSources: "testdata/plan_src"}, map[string][]byte{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	const mainTF = "testdata/plan_src/main.tf"
	inst := planTestResource(t, g, "aws_instance.app[0]")
	planTestAt(t, "instance", inst.DeclRange, mainTF, planTestLine(t, mainTF, `resource "aws_instance" "app"`))
	db := planTestResource(t, g, "module.db.aws_db_instance.main[0]")
	planTestAt(t, "module resource", db.DeclRange, "testdata/plan_src/modules/db/main.tf", planTestLine(t, "testdata/plan_src/modules/db/main.tf", `resource "aws_db_instance" "main"`))
	if g.Root != "testdata/plan_nosrc/plan.json" || g.Provider.Locked != "5.31.0" {
		t.Errorf("root %q, provider %+v", g.Root, g.Provider)
	}
}

// Set-typed blocks come in hash order in a real plan; each must still map to
// its own source block (and path), not to the sibling at the same position.
func TestLoadPlanSetBlocksMatchTheirSource(t *testing.T) {
	res := Load([]string{"testdata/plan_set/plan.json"}, Options{})
	if res.Diags.HasErrors() || len(res.Graphs) != 1 {
		t.Fatalf("load: %v", res.Diags)
	}
	elb := res.Graphs[0].OfType("aws_elb")[0]
	listeners := elb.Blocks("listener")
	if len(listeners) != 2 {
		t.Fatalf("want 2 listeners, got %d", len(listeners))
	}
	for _, l := range listeners {
		port, _ := l.Attr("lb_port").Int()
		wantLine, wantPath := 4, "listener[0]"
		if port == 443 {
			wantLine, wantPath = 11, "listener[1]"
		}
		if l.Range.Start.Line != wantLine || l.Path != wantPath {
			t.Errorf("listener on port %d: line %d path %s, want line %d path %s", port, l.Range.Start.Line, l.Path, wantLine, wantPath)
		}
		if a := l.Attr("lb_protocol"); a == nil || a.Range.Start.Line <= wantLine || a.Range.Start.Line > wantLine+4 {
			t.Errorf("listener on port %d: lb_protocol range %+v is not inside its block", port, a)
		}
	}
}
