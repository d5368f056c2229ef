package parser

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// loadDir loads one fixture directory with WorkDir set to it, so file names
// in ranges are short and stable.
func loadDir(t *testing.T, dir string, opts Options) *Result {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts.WorkDir = abs
	return Load([]string{abs}, opts)
}

func errorsOf(res *Result) []string {
	var out []string
	for _, d := range res.Diags {
		if d.Severity == hcl.DiagError {
			out = append(out, d.Error())
		}
	}
	return out
}

func onlyGraph(t *testing.T, res *Result) *graph.Graph {
	t.Helper()
	if len(res.Graphs) != 1 {
		var roots []string
		for _, g := range res.Graphs {
			roots = append(roots, g.Root)
		}
		t.Fatalf("want 1 graph, got %d: %v (diags: %v)", len(res.Graphs), roots, res.Diags)
	}
	return res.Graphs[0]
}

func resourceAt(t *testing.T, g *graph.Graph, addr string) *graph.Resource {
	t.Helper()
	for _, r := range g.Resources {
		if r.Address == addr {
			return r
		}
	}
	t.Fatalf("no resource %s; have %v", addr, addresses(g))
	return nil
}

func addresses(g *graph.Graph) []string {
	var out []string
	for _, r := range g.Resources {
		out = append(out, r.Address)
	}
	return out
}

// wantValue compares a known value by its Go-syntax rendering; "unknown"
// asks for an unknown value.
func wantValue(t *testing.T, what string, got cty.Value, want any) {
	t.Helper()
	if got == cty.NilVal {
		t.Fatalf("%s: NilVal", what)
	}
	if want == "unknown" {
		if got.IsWhollyKnown() {
			t.Errorf("%s = %#v, want unknown", what, got)
		}
		return
	}
	if !got.IsWhollyKnown() {
		t.Errorf("%s is unknown, want %v", what, want)
		return
	}
	var wantV cty.Value
	switch w := want.(type) {
	case string:
		wantV = cty.StringVal(w)
	case bool:
		wantV = cty.BoolVal(w)
	case int:
		wantV = cty.NumberIntVal(int64(w))
	case cty.Value:
		wantV = w
	default:
		t.Fatalf("bad want %T", want)
	}
	if !got.RawEquals(wantV) && !(got.Type().Equals(wantV.Type()) && got.Equals(wantV).True()) {
		t.Errorf("%s = %#v, want %#v", what, got, wantV)
	}
}

func refStrings(a *graph.Attribute) []string {
	var out []string
	for _, r := range a.Refs {
		s := r.Base + graph.KeyString(r.Key)
		if r.Attr != "" {
			s += "." + r.Attr
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestVariablePrecedence(t *testing.T) {
	dir := "testdata/hcl/vars"
	res := loadDir(t, dir, Options{
		Env:      []string{"TF_VAR_from_env=env", "TF_VAR_from_tfvars=env", "PATH=/bin", "TF_VAR_number_cli=1"},
		VarFiles: []string{filepath.Join(dir, "extra.tfvars")},
		Vars:     []string{"from_cli=cli", "number_cli=42", `list_cli=["a","b"]`, "string_cli=hello world"},
	})
	if errs := errorsOf(res); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	b := resourceAt(t, onlyGraph(t, res), "aws_s3_bucket.b")
	for _, tc := range []struct {
		attr string
		want any
	}{
		{"from_default", "default"},
		{"from_env", "tfvars"}, // terraform.tfvars beats the environment
		{"from_tfvars", "tfvars"},
		{"from_tfvars_json", "tfvars_json"},
		{"from_auto", "auto_b"}, // b.auto.tfvars.json sorts after a.auto.tfvars
		{"from_varfile", "varfile"},
		{"from_cli", "cli"},
		{"no_value", "unknown"},
		{"typed_no_value", "unknown"},
		{"number_cli", 42},
		{"list_cli", cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})},
		{"string_cli", "hello world"},
		{"encrypted", true}, // optional(bool, true) default
		{"module_path", "."},
		{"workspace", "default"},
	} {
		t.Run(tc.attr, func(t *testing.T) {
			a := b.Attr(tc.attr)
			if a == nil {
				t.Fatalf("no attribute %s", tc.attr)
			}
			wantValue(t, tc.attr, a.Value, tc.want)
		})
	}
	// A typed variable without a value is unknown of its type, never null.
	if v := b.Attr("typed_no_value").Value; v.IsKnown() || v.Type() != cty.Bool {
		t.Errorf("typed_no_value = %#v, want unknown bool", v)
	}
	for _, f := range []string{"main.tf", "terraform.tfvars", "terraform.tfvars.json", "a.auto.tfvars", "b.auto.tfvars.json", "extra.tfvars"} {
		if _, ok := res.Files[f]; !ok {
			t.Errorf("Files lacks %s; have %v", f, keys(res.Files))
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestEnvironmentBeatsDefault(t *testing.T) {
	res := loadDir(t, "testdata/hcl/vars", Options{Env: []string{"TF_VAR_from_default=env"}})
	b := resourceAt(t, onlyGraph(t, res), "aws_s3_bucket.b")
	wantValue(t, "from_default", b.Attr("from_default").Value, "env")
}

func TestExpansion(t *testing.T) {
	res := loadDir(t, "testdata/hcl/expand", Options{})
	if errs := errorsOf(res); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	g := onlyGraph(t, res)
	want := []string{
		`aws_iam_user.set["alice"]`, `aws_iam_user.set["bob"]`,
		`aws_instance.dyn`, `aws_instance.unknown[*]`,
		`aws_s3_bucket.map["logs"]`, `aws_s3_bucket.map["phi"]`,
		`aws_s3_bucket_server_side_encryption_configuration.map["logs"]`, `aws_s3_bucket_server_side_encryption_configuration.map["phi"]`,
		`aws_security_group.dyn`,
		`aws_subnet.app[0]`, `aws_subnet.app[1]`, `aws_subnet.app[2]`,
	}
	if got := addresses(g); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("addresses:\n got %v\nwant %v", got, want)
	}

	t.Run("count", func(t *testing.T) {
		var line int
		for i := 0; i < 3; i++ {
			r := resourceAt(t, g, "aws_subnet.app["+string(rune('0'+i))+"]")
			wantValue(t, "key", r.Key, i)
			wantValue(t, "cidr_block", r.Attr("cidr_block").Value, "10.0."+string(rune('0'+i))+".0/24")
			if i == 0 {
				line = r.DeclRange.Start.Line
			} else if r.DeclRange.Start.Line != line {
				t.Errorf("instance %d declared on line %d, want %d", i, r.DeclRange.Start.Line, line)
			}
			if r.DeclRange.Filename != "main.tf" || r.BlockRange.End.Line <= r.DeclRange.Start.Line {
				t.Errorf("ranges: decl %v block %v", r.DeclRange, r.BlockRange)
			}
		}
	})
	t.Run("for_each map", func(t *testing.T) {
		r := resourceAt(t, g, `aws_s3_bucket.map["phi"]`)
		wantValue(t, "key", r.Key, "phi")
		wantValue(t, "bucket", r.Attr("bucket").Value, "acme-phi")
		wantValue(t, "versioned", r.Attr("versioned").Value, true)
	})
	t.Run("for_each set", func(t *testing.T) {
		r := resourceAt(t, g, `aws_iam_user.set["bob"]`)
		wantValue(t, "name", r.Attr("name").Value, "bob")
	})
	t.Run("unknown count", func(t *testing.T) {
		r := resourceAt(t, g, `aws_instance.unknown[*]`)
		if r.Key == cty.NilVal || r.Key.IsKnown() {
			t.Errorf("key = %#v, want unknown", r.Key)
		}
		sub := r.Attr("subnet_id")
		if got := refStrings(sub); strings.Join(got, ",") != "aws_subnet.app.id" {
			t.Errorf("refs = %v", got)
		}
		if sub.IsSet() != graph.True {
			t.Errorf("subnet_id IsSet = %v", sub.IsSet())
		}
	})
	t.Run("dynamic", func(t *testing.T) {
		r := resourceAt(t, g, `aws_instance.dyn`)
		if r.Attr("lifecycle") != nil || len(r.Blocks("lifecycle")) != 0 {
			t.Error("lifecycle kept")
		}
		ebs := r.Blocks("ebs_block_device")
		if len(ebs) != 2 {
			t.Fatalf("ebs blocks = %d", len(ebs))
		}
		for i, want := range []struct {
			name string
			size int
		}{{"a", 10}, {"b", 20}} {
			wantValue(t, "device_name", ebs[i].Attr("device_name").Value, want.name)
			wantValue(t, "volume_size", ebs[i].Attr("volume_size").Value, want.size)
			if ebs[i].Path != "ebs_block_device["+string(rune('0'+i))+"]" {
				t.Errorf("path %q", ebs[i].Path)
			}
			if p := ebs[i].Attr("volume_size").Path; p != ebs[i].Path+".volume_size" {
				t.Errorf("attr path %q", p)
			}
		}
		if rbd := r.Blocks("root_block_device"); len(rbd) != 1 || rbd[0].Attr("encrypted").Path != "root_block_device[0].encrypted" {
			t.Errorf("root_block_device = %+v", rbd)
		}
		if !r.Body.HasUnknownBlocks("network_interface") {
			t.Error("dynamic over an unknown collection is not an unknown block")
		}
		if r.Body.HasUnknownBlocks("ebs_block_device") {
			t.Error("known dynamic reported unknown")
		}
	})
	t.Run("refs through each.value and dynamic iterators", func(t *testing.T) {
		sse := resourceAt(t, g, `aws_s3_bucket_server_side_encryption_configuration.map["phi"]`)
		if got := refStrings(sse.Attr("bucket")); strings.Join(got, ",") != `aws_s3_bucket.map["phi"].id` {
			t.Errorf("each.value refs = %v", got)
		}
		phi := resourceAt(t, g, `aws_s3_bucket.map["phi"]`)
		if es := g.Referrers(phi, "aws_s3_bucket_server_side_encryption_configuration"); len(es) != 1 || es[0].From != sse {
			t.Errorf("referrers of the phi bucket = %v", es)
		}
		sg := resourceAt(t, g, `aws_security_group.dyn`)
		ingress := sg.Blocks("ingress")
		if len(ingress) != 3 {
			t.Fatalf("ingress blocks = %d", len(ingress))
		}
		a := ingress[1].Attr("cidr_blocks")
		wantValue(t, "cidr_blocks", a.Value, cty.TupleVal([]cty.Value{cty.StringVal("10.0.1.0/24")}))
		if got := refStrings(a); strings.Join(got, ",") != "aws_subnet.app[1].cidr_block" {
			t.Errorf("iterator refs = %v", got)
		}
	})
	t.Run("count zero", func(t *testing.T) {
		for _, r := range g.Resources {
			if r.Name == "none" {
				t.Errorf("count = 0 produced %s", r.Address)
			}
		}
	})
}

func TestModules(t *testing.T) {
	res := loadDir(t, "testdata/hcl/modules", Options{})
	if errs := errorsOf(res); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	g := onlyGraph(t, res) // modules/db and modules/vpc are not roots
	if g.Root != "." {
		t.Errorf("root = %q", g.Root)
	}
	a := resourceAt(t, g, "module.a.aws_db_instance.x")
	b := resourceAt(t, g, "module.b.aws_db_instance.x")
	wantValue(t, "a encrypted", a.Attr("storage_encrypted").Value, true)
	wantValue(t, "b encrypted", b.Attr("storage_encrypted").Value, false)
	if a.Module != "module.a" || a.DeclRange.Filename != "modules/db/main.tf" {
		t.Errorf("a: module %q decl %v", a.Module, a.DeclRange)
	}
	if len(a.ModuleCalls) != 1 || a.ModuleCalls[0].Name != "a" || a.ModuleCalls[0].DeclRange.Filename != "main.tf" ||
		a.ModuleCalls[0].DeclRange.Start.Line != 9 || a.ModuleCalls[0].BlockRange.End.Line != 14 {
		t.Errorf("a.ModuleCalls = %+v", a.ModuleCalls)
	}
	if got := refStrings(a.Attr("kms_key_id")); strings.Join(got, ",") != "aws_kms_key.k.arn" {
		t.Errorf("kms refs through module input = %v", got)
	}
	if got := refStrings(a.Attr("subnet_id")); strings.Join(got, ",") != "module.vpc.aws_subnet.private.id" {
		t.Errorf("subnet refs through module output into module input = %v", got)
	}
	if b.Attr("kms_key_id").IsSet() != graph.False {
		t.Errorf("b kms_key_id IsSet = %v, want false (default null)", b.Attr("kms_key_id").IsSet())
	}
	web := resourceAt(t, g, "aws_instance.web")
	if got := refStrings(web.Attr("subnet_id")); strings.Join(got, ",") != "aws_subnet.local.id" {
		t.Errorf("refs through local = %v", got)
	}
	if got := refStrings(web.Attr("vpc_subnet_id")); strings.Join(got, ",") != "module.vpc.aws_subnet.private.id" {
		t.Errorf("refs through module output = %v", got)
	}
	// Graph look-ups work across module boundaries.
	sub := resourceAt(t, g, "module.vpc.aws_subnet.private")
	if len(g.Referrers(sub, "aws_db_instance")) != 1 || len(g.Follow(web.Attr("vpc_subnet_id"), "aws_subnet")) != 1 {
		t.Error("graph does not connect module.vpc subnet to its users")
	}
	x := resourceAt(t, g, `module.each["x"].aws_db_instance.x`)
	y := resourceAt(t, g, `module.each["y"].aws_db_instance.x`)
	wantValue(t, "each x", x.Attr("storage_encrypted").Value, true)
	wantValue(t, "each y", y.Attr("storage_encrypted").Value, false)
	if x.ModuleCalls[0].Address != `module.each["x"]` {
		t.Errorf("module call address %q", x.ModuleCalls[0].Address)
	}
	for _, r := range g.Resources {
		if r.Module == "" && r.Type == "aws_db_instance" {
			t.Errorf("child module loaded as root: %s", r.Address)
		}
	}
}

func TestModuleDirectoryGivenAlone(t *testing.T) {
	// Given on its own, a module is a root with its own defaults.
	res := loadDir(t, "testdata/hcl/modules/modules/vpc", Options{})
	g := onlyGraph(t, res)
	resourceAt(t, g, "aws_vpc.main")
}

func TestRemoteModules(t *testing.T) {
	res := loadDir(t, "testdata/hcl/remote", Options{})
	if errs := errorsOf(res); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	g := onlyGraph(t, res) // .terraform is never scanned as a root
	this := resourceAt(t, g, "module.app.aws_s3_bucket.this")
	wantValue(t, "bucket", this.Attr("bucket").Value, "phi-bucket")
	db := resourceAt(t, g, "module.app.module.db.aws_db_instance.this")
	if len(db.ModuleCalls) != 2 || db.ModuleCalls[1].Address != "module.app.module.db" {
		t.Errorf("nested remote module calls = %+v", db.ModuleCalls)
	}
	logs := resourceAt(t, g, "aws_s3_bucket.logs")
	wantValue(t, "output through remote module", logs.Attr("bucket").Value, "phi-bucket")
	wantValue(t, "output of a module not installed", logs.Attr("unknown").Value, "unknown")
	if len(g.Resources) != 3 {
		t.Errorf("resources = %v", addresses(g))
	}
}

func TestModuleCycle(t *testing.T) {
	res := loadDir(t, "testdata/hcl/cycle", Options{})
	errs := errorsOf(res)
	if len(errs) != 1 || !strings.Contains(errs[0], "module cycle: a -> b -> a (at module.b.module.a)") {
		t.Fatalf("errors = %v", errs)
	}
	g := onlyGraph(t, res)
	resourceAt(t, g, "aws_vpc.a")
	resourceAt(t, g, "module.b.aws_vpc.b")
}

func TestParseErrorKeepsOtherFiles(t *testing.T) {
	res := loadDir(t, "testdata/hcl/parseerror", Options{})
	errs := errorsOf(res)
	if len(errs) == 0 || !strings.HasPrefix(errs[0], "bad.tf:") {
		t.Fatalf("errors = %v", errs)
	}
	if s := res.Diags[0].Subject; s == nil || s.Filename != "bad.tf" || s.Start.Line == 0 {
		t.Errorf("subject = %v", s)
	}
	g := onlyGraph(t, res)
	wantValue(t, "good", resourceAt(t, g, "aws_ebs_volume.good").Attr("encrypted").Value, false)
	if _, ok := res.Files["bad.tf"]; !ok {
		t.Error("bad.tf bytes not kept")
	}
}

func TestProviderVersion(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		want graph.ProviderVersion
	}{
		{"testdata/hcl/provider/locked", graph.ProviderVersion{Locked: "5.31.0", Constraint: "~> 5.0"}},
		{"testdata/hcl/provider/constraint", graph.ProviderVersion{Constraint: "< 6.0, >= 4.0"}},
		{"testdata/hcl/expand", graph.ProviderVersion{}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			g := onlyGraph(t, loadDir(t, tc.dir, Options{}))
			if g.Provider != tc.want {
				t.Errorf("provider = %+v, want %+v", g.Provider, tc.want)
			}
		})
	}
}

func TestJSONConfig(t *testing.T) {
	res := loadDir(t, "testdata/hcl/json", Options{})
	if errs := errorsOf(res); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	g := onlyGraph(t, res)
	r := resourceAt(t, g, "aws_instance.web[1]")
	wantValue(t, "ami", r.Attr("ami").Value, "ami-123")
	wantValue(t, "tags", r.Attr("tags").Value, cty.ObjectVal(map[string]cty.Value{"Name": cty.StringVal("phi-prod-1")}))
	ebs := r.Blocks("ebs_block_device")
	if len(ebs) != 2 {
		t.Fatalf("ebs = %d blocks", len(ebs))
	}
	wantValue(t, "ebs[0].encrypted", ebs[0].Attr("encrypted").Value, false)
	wantValue(t, "ebs[1].encrypted", ebs[1].Attr("encrypted").Value, true)
	if p := ebs[1].Attr("encrypted").Path; p != "ebs_block_device[1].encrypted" {
		t.Errorf("path %q", p)
	}
	wantValue(t, "root", r.Blocks("root_block_device")[0].Attr("encrypted").Value, true)
	// A module input holding an object is an input, not a nested block.
	v := resourceAt(t, g, "module.vol.aws_ebs_volume.v")
	wantValue(t, "object input", v.Attr("encrypted").Value, true)
}

func TestFunctions(t *testing.T) {
	res := loadDir(t, "testdata/hcl/funcs", Options{})
	if errs := errorsOf(res); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	db := resourceAt(t, onlyGraph(t, res), "aws_db_instance.from_yaml")
	wantValue(t, "yaml bool", db.Attr("storage_encrypted").Value, true)
	wantValue(t, "yaml number", db.Attr("backup_retention_period").Value, 14)
	wantValue(t, "yaml merge key", db.Attr("identifier").Value, "phi-db")
	wantValue(t, "yaml map", db.Attr("tags").Value, cty.ObjectVal(map[string]cty.Value{"Env": cty.StringVal("prod")}))
	p := resourceAt(t, onlyGraph(t, res), "aws_s3_bucket_policy.p")
	for _, tc := range []struct {
		attr string
		want any
	}{
		{"policy", `{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny"}]}`},
		{"upper", "PHI"},
		{"joined", "a,b"},
		{"host", "10.0.0.5"},
		{"subnets", cty.ListVal([]cty.Value{cty.StringVal("10.0.0.0/24"), cty.StringVal("10.0.1.0/24")})},
		{"sum", 6},
		{"one", "x"},
		{"starts", true},
		{"replaced", "a_b_c"},
		{"hash", "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"},
		{"file", "{\"Version\": \"2012-10-17\"}\n"},
		{"escape", "unknown"}, // outside the module tree: never read
		{"stamp", "unknown"},
		{"unknown_fn", "unknown"},
		{"tried", "fallback"},
		{"lookup", "b"},
		{"index", 1},
		{"alltrue", true},
		{"b64", "aGk="},
		{"template", "hello phi"},
	} {
		t.Run(tc.attr, func(t *testing.T) {
			a := p.Attr(tc.attr)
			if a == nil {
				t.Fatalf("no attribute %s", tc.attr)
			}
			wantValue(t, tc.attr, a.Value, tc.want)
		})
	}
}

func TestConditionalBranchRefs(t *testing.T) {
	g := onlyGraph(t, loadDir(t, "testdata/hcl/cond", Options{}))
	merged := resourceAt(t, g, "data.aws_iam_policy_document.merged")
	if got := refStrings(merged.Attr("source_policy_documents")); strings.Join(got, ",") != "data.aws_iam_policy_document.reader.json" {
		t.Errorf("refs = %v, want only the branch taken", got)
	}
	v := resourceAt(t, g, "aws_ebs_volume.v")
	if got := refStrings(v.Attr("kms_key_id")); strings.Join(got, ",") != "aws_kms_key.k.arn" {
		t.Errorf("kms refs = %v", got)
	}
	// An unknown condition keeps both branches' references.
	if got := refStrings(v.Attr("unknown")); strings.Join(got, ",") != "aws_kms_key.k.id" {
		t.Errorf("unknown-condition refs = %v", got)
	}
	enabled := onlyGraph(t, loadDir(t, "testdata/hcl/cond", Options{Vars: []string{"enabled=true"}}))
	merged = resourceAt(t, enabled, "data.aws_iam_policy_document.merged")
	if got := refStrings(merged.Attr("source_policy_documents")); strings.Join(got, ",") != "data.aws_iam_policy_document.deny[0].json,data.aws_iam_policy_document.reader.json" {
		t.Errorf("enabled refs = %v", got)
	}
}

func TestOverrideFiles(t *testing.T) {
	g := onlyGraph(t, loadDir(t, "testdata/hcl/override", Options{}))
	db := resourceAt(t, g, "aws_db_instance.db")
	enc := db.Attr("storage_encrypted")
	wantValue(t, "storage_encrypted", enc.Value, false)
	if enc.Range.Filename != "override.tf" {
		t.Errorf("overridden attribute points at %s", enc.Range)
	}
	if db.DeclRange.Filename != "main.tf" {
		t.Errorf("resource declared at %s", db.DeclRange)
	}
	wantValue(t, "allocated_storage (variable default overridden)", db.Attr("allocated_storage").Value, 20)
	wantValue(t, "identifier (local overridden)", db.Attr("identifier").Value, "overridden")
	wantValue(t, "tags kept", db.Attr("tags").Value, cty.ObjectVal(map[string]cty.Value{"Env": cty.StringVal("prod")}))
	web := resourceAt(t, g, "aws_instance.web")
	rbd := web.Blocks("root_block_device")
	if len(rbd) != 1 {
		t.Fatalf("root_block_device = %d blocks", len(rbd))
	}
	wantValue(t, "root_block_device replaced", rbd[0].Attr("encrypted").Value, false)
	if len(web.Blocks("ebs_block_device")) != 1 {
		t.Error("blocks of other types must stay")
	}
}

// optional() defaults apply to a partly unknown object, as in Terraform; a
// null `enabled` here gave a false aws-elb-access-logs finding on
// terraform-aws-modules/alb.
func TestOptionalDefaultsOnPartlyUnknownObject(t *testing.T) {
	res := loadDir(t, "testdata/hcl/optional_unknown", Options{})
	if errs := errorsOf(res); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	lb := resourceAt(t, onlyGraph(t, res), "module.nlb.aws_lb.this")
	logs := lb.Blocks("access_logs")
	if len(logs) != 1 {
		t.Fatalf("want one access_logs block, got %d", len(logs))
	}
	wantValue(t, "enabled", logs[0].Attr("enabled").Value, true)
	if logs[0].Attr("bucket").Value.IsKnown() {
		t.Error("bucket should stay unknown")
	}
}

// The one reader of modules.json serves HCL roots and plans alike.
func TestModuleManifest(t *testing.T) {
	root := filepath.FromSlash("/repo/live")
	got, err := moduleManifest([]byte(`{"Modules":[
		{"Key":"","Source":"","Dir":"."},
		{"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Dir":".terraform/modules/vpc"},
		{"Key":"db.kms","Dir":"/abs/kms"},
		{"Key":"nodir","Dir":""}]}`), root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"vpc":    filepath.Join(root, ".terraform", "modules", "vpc"),
		"db.kms": filepath.FromSlash("/abs/kms"),
	}
	if len(got) != len(want) {
		t.Fatalf("moduleManifest = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("moduleManifest[%q] = %q, want %q", k, got[k], v)
		}
	}
	if _, err := moduleManifest([]byte(`{"Modules": [`), root); err == nil {
		t.Error("a truncated manifest gave no error")
	}
}
