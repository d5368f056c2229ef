package sarif

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tflint-hipaa/tflint-hipaa/internal/schematest"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func write(t *testing.T, in *report.Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// decode gives the document as generic JSON, as a consumer would read it.
func decode(t *testing.T, doc []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	return v
}

// schema is the official SARIF 2.1.0 schema (OASIS errata01), kept in testdata.
func schema(t *testing.T) *jsonschema.Schema {
	return schematest.Compile(t, filepath.Join("testdata", "sarif-schema-2.1.0.json"))
}

func inputs() map[string]*report.Input {
	nonStrict := reporttest.Sample()
	nonStrict.Strict = false
	highOnly := reporttest.Sample()
	highOnly.MinSeverity = policies.High
	noRules := reporttest.Sample()
	noRules.Rules = nil
	noWorkDir := reporttest.Sample()
	noWorkDir.WorkDir = ""
	return map[string]*report.Input{
		"sample":       reporttest.Sample(),
		"non-strict":   nonStrict,
		"min-high":     highOnly,
		"missing-rule": noRules,
		"no-workdir":   noWorkDir,
		"empty":        reporttest.Empty(),
		"zero":         {},
	}
}

func TestValidAgainstOfficialSchema(t *testing.T) {
	s := schema(t)
	for name, in := range inputs() {
		t.Run(name, func(t *testing.T) {
			if err := schematest.Validate(t, s, write(t, in)); err != nil {
				t.Fatalf("invalid SARIF: %v", err)
			}
		})
	}
}

// The schema check must be able to fail, or the test above proves nothing.
func TestSchemaCatchesViolations(t *testing.T) {
	s := schema(t)
	mutations := map[string]func(doc map[string]any){
		"startLine 0": func(doc map[string]any) {
			regionOf(doc, 0)["startLine"] = 0
		},
		"results null": func(doc map[string]any) {
			runOf(doc)["results"] = nil
		},
		"unknown level": func(doc map[string]any) {
			results(doc)[0].(map[string]any)["level"] = "fatal"
		},
		"unknown property": func(doc map[string]any) {
			runOf(doc)["extra"] = true
		},
	}
	for name, mutate := range mutations {
		t.Run(name, func(t *testing.T) {
			doc := decode(t, write(t, reporttest.Sample()))
			mutate(doc)
			bad, _ := json.Marshal(doc)
			if schematest.Validate(t, s, bad) == nil {
				t.Fatal("schema accepted an invalid document")
			}
		})
	}
}

func runOf(doc map[string]any) map[string]any {
	return doc["runs"].([]any)[0].(map[string]any)
}

func results(doc map[string]any) []any {
	return runOf(doc)["results"].([]any)
}

func driverRules(doc map[string]any) []any {
	return runOf(doc)["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)
}

func physical(res any) map[string]any {
	loc := res.(map[string]any)["locations"].([]any)[0].(map[string]any)
	return loc["physicalLocation"].(map[string]any)
}

func regionOf(doc map[string]any, i int) map[string]any {
	return physical(results(doc)[i])["region"].(map[string]any)
}

func uri(res any) string {
	return physical(res)["artifactLocation"].(map[string]any)["uri"].(string)
}

func str(v any, path ...string) string {
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[p]
	}
	s, _ := v.(string)
	return s
}

// byAddress indexes results by "ruleId address".
func byAddress(doc map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, r := range results(doc) {
		res := r.(map[string]any)
		loc := res["locations"].([]any)[0].(map[string]any)
		addr := loc["logicalLocations"].([]any)[0].(map[string]any)["fullyQualifiedName"].(string)
		out[res["ruleId"].(string)+" "+addr] = res
	}
	return out
}

func TestGitHubDriverRules(t *testing.T) {
	in := reporttest.Sample()
	long := &policies.Rule{
		ID: "aws-long-description", Title: "A rule with a very long description",
		Description: strings.Repeat("Ünïcode text that goes on. ", 100), Severity: policies.Low,
	}
	in.Rules = append(in.Rules, long)
	doc := decode(t, write(t, in))
	driver := runOf(doc)["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "tflint-hipaa" || driver["version"] != "1.2.3" ||
		driver["informationUri"] != "https://github.com/tflint-hipaa/tflint-hipaa" {
		t.Errorf("driver = %v", driver)
	}
	rules := driverRules(doc)
	if len(rules) != len(in.Rules) {
		t.Fatalf("%d rules, want every rule of the input (%d)", len(rules), len(in.Rules))
	}
	wantSeverity := map[policies.Severity]string{policies.Critical: "9.5", policies.High: "8.0", policies.Medium: "5.5", policies.Low: "3.0"}
	wantLevel := map[policies.Severity]string{policies.Critical: "error", policies.High: "error", policies.Medium: "warning", policies.Low: "note"}
	byID := in.RuleIndex()
	prev := ""
	for _, r := range rules {
		id := str(r, "id")
		src := byID[id]
		if src == nil {
			t.Fatalf("rule %q not in the input", id)
		}
		if id <= prev {
			t.Errorf("rules not sorted by id: %q after %q", id, prev)
		}
		prev = id
		for _, field := range [][]string{{"shortDescription", "text"}, {"fullDescription", "text"}} {
			v := str(r, field...)
			if v == "" || len(v) > 1024 {
				t.Errorf("%s %s: %d bytes, want 1..1024", id, field[0], len(v))
			}
		}
		if str(r, "help", "text") == "" || str(r, "help", "markdown") == "" {
			t.Errorf("%s: help.text and help.markdown must be set", id)
		}
		for _, c := range src.Citations {
			if !strings.Contains(str(r, "help", "text"), c) || !strings.Contains(str(r, "help", "markdown"), c) {
				t.Errorf("%s: help lacks citation %s", id, c)
			}
		}
		if src.Remediation != "" && !strings.Contains(str(r, "help", "text"), src.Remediation) {
			t.Errorf("%s: help lacks the remediation", id)
		}
		if got := str(r, "helpUri"); got != "https://github.com/tflint-hipaa/tflint-hipaa/blob/main/docs/rules/"+id+".md" {
			t.Errorf("%s: helpUri %s", id, got)
		}
		props := r.(map[string]any)["properties"].(map[string]any)
		sev, isString := props["security-severity"].(string)
		if !isString {
			t.Errorf("%s: security-severity %v is not a string", id, props["security-severity"])
		}
		if n, err := strconv.ParseFloat(sev, 64); err != nil || n <= 0 || n > 10 || sev != wantSeverity[src.Severity] {
			t.Errorf("%s: security-severity %q, want %q", id, sev, wantSeverity[src.Severity])
		}
		tags := props["tags"].([]any)
		if len(tags) < 2 || tags[0] != "security" || tags[1] != "hipaa" || (src.Service != "" && (len(tags) != 3 || tags[2] != src.Service)) {
			t.Errorf("%s: tags %v", id, tags)
		}
		if got := str(r, "defaultConfiguration", "level"); got != wantLevel[src.Severity] {
			t.Errorf("%s: level %s, want %s", id, got, wantLevel[src.Severity])
		}
	}
	if got := str(rules[indexOf(rules, "aws-rds-storage-encrypted")], "name"); got != "AwsRdsStorageEncrypted" {
		t.Errorf("name = %q", got)
	}
	longDesc := str(rules[indexOf(rules, long.ID)], "fullDescription", "text")
	if !strings.HasSuffix(longDesc, "…") || !strings.HasPrefix(long.Description, strings.TrimSuffix(longDesc, "…")) {
		t.Errorf("long description not cut cleanly: %q", longDesc)
	}
}

func indexOf(rules []any, id string) int {
	for i, r := range rules {
		if str(r, "id") == id {
			return i
		}
	}
	return -1
}

func TestGitHubResults(t *testing.T) {
	in := reporttest.Sample()
	doc := decode(t, write(t, in))
	r := runOf(doc)
	if str(r, "automationDetails", "id") != "tflint-hipaa/" {
		t.Errorf("automationDetails = %v", r["automationDetails"])
	}
	if got := str(r, "originalUriBaseIds", "%SRCROOT%", "uri"); got != "file:///src/project/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	rules := driverRules(doc)
	res := results(doc)
	// Every finding is carried: strict shows the undetermined one too.
	if len(res) != len(in.Findings) {
		t.Fatalf("%d results, want %d", len(res), len(in.Findings))
	}
	for i, x := range res {
		m := x.(map[string]any)
		idx := int(m["ruleIndex"].(float64))
		if str(rules[idx], "id") != m["ruleId"] {
			t.Errorf("result %d: ruleIndex %d names %s, ruleId %s", i, idx, str(rules[idx], "id"), m["ruleId"])
		}
		reg := regionOf(doc, i)
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			v, ok := reg[k].(float64)
			if !ok || v < 1 {
				t.Errorf("result %d: region.%s = %v, want ≥ 1", i, k, reg[k])
			}
		}
		u := uri(x)
		base := str(physical(x), "artifactLocation", "uriBaseId")
		if base == "%SRCROOT%" && (strings.ContainsAny(u, `\ `) || strings.HasPrefix(u, "/") || strings.Contains(u, "://")) {
			t.Errorf("result %d: uri %q is not a relative, forward-slash, percent-encoded reference", i, u)
		}
		fps := m["partialFingerprints"].(map[string]any)
		if fps[policies.FingerprintKey] == "" || fps[policies.FingerprintKey] == nil {
			t.Errorf("result %d: no %s fingerprint", i, policies.FingerprintKey)
		}
		if strings.HasSuffix(u, ".tf") && fps[LineHashKey] == nil {
			t.Errorf("result %d: no primaryLocationLineHash for %s", i, u)
		}
	}

	got := byAddress(doc)
	db := got["aws-rds-storage-encrypted aws_db_instance.main"]
	if uri(db) != "main.tf" || str(physical(db), "artifactLocation", "uriBaseId") != "%SRCROOT%" {
		t.Errorf("root finding uri = %q", uri(db))
	}
	if db["level"] != "error" || !strings.HasPrefix(str(db, "message", "text"), "aws_db_instance.main: storage_encrypted is false") {
		t.Errorf("root finding = %v", db)
	}
	if reg := physical(db)["region"].(map[string]any); reg["startLine"] != 12.0 || reg["startColumn"] != 3.0 || reg["endLine"] != 12.0 || reg["endColumn"] != 28.0 {
		t.Errorf("root finding region = %v", reg)
	}
	if want := LineHashes([]byte(reporttest.MainSrc))[12]; db["partialFingerprints"].(map[string]any)[LineHashKey] != want {
		t.Errorf("line hash = %v, want %s", db["partialFingerprints"], want)
	}

	spaced := got["aws-s3-bucket-encryption aws_s3_bucket.legacy"]
	if uri(spaced) != "my%20stack/storage.tf" {
		t.Errorf("spaced uri = %q, want my%%20stack/storage.tf", uri(spaced))
	}
	sups := spaced["suppressions"].([]any)
	if len(sups) != 1 || str(sups[0], "kind") != "inSource" || str(sups[0], "justification") != "legacy bucket, ticket 42" {
		t.Errorf("inline suppression = %v", sups)
	}
	baseline := got["aws-s3-bucket-versioning aws_s3_bucket.legacy"]
	if sups := baseline["suppressions"].([]any); len(sups) != 1 || str(sups[0], "kind") != "external" {
		t.Errorf("baseline suppression = %v", sups)
	}
	if db["suppressions"] != nil {
		t.Errorf("unsuppressed finding has suppressions %v", db["suppressions"])
	}

	mod := got["aws-s3-bucket-encryption module.db.aws_s3_bucket.logs"]
	if uri(mod) != "modules/db/main.tf" {
		t.Errorf("module uri = %q", uri(mod))
	}
	rel := mod["relatedLocations"].([]any)
	if len(rel) != 1 || str(rel[0], "message", "text") != "module call module.db" || str(rel[0], "physicalLocation", "artifactLocation", "uri") != "main.tf" ||
		rel[0].(map[string]any)["physicalLocation"].(map[string]any)["region"].(map[string]any)["startLine"] != 1.0 {
		t.Errorf("module call chain = %v", rel)
	}

	plan := got["aws-s3-bucket-versioning aws_s3_bucket.from_plan"]
	if uri(plan) != "plan.json" {
		t.Errorf("plan uri = %q", uri(plan))
	}
	if reg := physical(plan)["region"].(map[string]any); reg["startLine"] != 1.0 || reg["startColumn"] != 1.0 {
		t.Errorf("plan region = %v, want clamped to 1:1", reg)
	}

	und := got["aws-rds-kms-cmk aws_db_instance.main"]
	if und["level"] != "note" || !strings.HasPrefix(str(und, "message", "text"), "cannot verify: ") {
		t.Errorf("undetermined = %v", und)
	}

	outside := got["aws-vpc-flow-logs aws_flow_log.vpc"]
	if uri(outside) != "file:///elsewhere/shared/net.tf" || str(physical(outside), "artifactLocation", "uriBaseId") != "" {
		t.Errorf("outside uri = %q", uri(outside))
	}

	a0 := got["aws-ec2-dedicated-tenancy aws_instance.app[0]"]["partialFingerprints"].(map[string]any)
	a1 := got["aws-ec2-dedicated-tenancy aws_instance.app[1]"]["partialFingerprints"].(map[string]any)
	if a0[policies.FingerprintKey] == a1[policies.FingerprintKey] {
		t.Errorf("count instances share fingerprint %v", a0[policies.FingerprintKey])
	}

	inv := r["invocations"].([]any)[0].(map[string]any)
	if inv["executionSuccessful"] != false {
		t.Errorf("executionSuccessful = %v with a parse error", inv["executionSuccessful"])
	}
	notes := inv["toolExecutionNotifications"].([]any)
	if len(notes) != 2 || str(notes[0], "level") != "error" || !strings.Contains(str(notes[0], "message", "text"), "Invalid expression") ||
		uri(notes[0]) != "broken.tf" || str(notes[1], "level") != "warning" {
		t.Errorf("notifications = %v", notes)
	}
}

func TestHiddenFindings(t *testing.T) {
	in := reporttest.Sample()
	in.Strict = false
	got := byAddress(decode(t, write(t, in)))
	if _, ok := got["aws-rds-kms-cmk aws_db_instance.main"]; ok {
		t.Error("undetermined finding shown without Strict")
	}
	in = reporttest.Sample()
	in.MinSeverity = policies.High
	for k, r := range byAddress(decode(t, write(t, in))) {
		if r["level"] != "error" {
			t.Errorf("%s (level %v) shown below --min-severity high", k, r["level"])
		}
	}
}

func TestEmptyRun(t *testing.T) {
	out := write(t, reporttest.Empty())
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("clean run must have results: [], got\n%s", out)
	}
	doc := decode(t, out)
	if len(doc["runs"].([]any)) != 1 {
		t.Error("want exactly one run")
	}
	if runOf(doc)["invocations"].([]any)[0].(map[string]any)["executionSuccessful"] != true {
		t.Error("clean run not successful")
	}
	zero := write(t, &report.Input{})
	if !bytes.Contains(zero, []byte(`"results": []`)) || !bytes.Contains(zero, []byte(`"rules": []`)) {
		t.Errorf("zero input: %s", zero)
	}
}

// shiftLines moves everything in file down by n lines, as inserting n lines
// at its top would.
func shiftLines(in *report.Input, file string, n int) {
	shift := func(r *hcl.Range) {
		if r.Filename == file {
			r.Start.Line += n
			r.End.Line += n
		}
	}
	for i := range in.Findings {
		f := &in.Findings[i]
		shift(&f.Range)
		shift(&f.ResourceRange)
		shift(&f.BlockRange)
		calls := append(f.ModuleCalls[:0:0], f.ModuleCalls...)
		for j := range calls {
			shift(&calls[j].DeclRange)
			shift(&calls[j].BlockRange)
		}
		f.ModuleCalls = calls
	}
	in.Files[file] = append([]byte(strings.Repeat("# a comment line added above\n", n)), in.Files[file]...)
}

func TestFingerprintsSurviveMovingDown(t *testing.T) {
	before := byAddress(decode(t, write(t, reporttest.Sample())))
	moved := reporttest.Sample()
	shiftLines(moved, reporttest.MainTF, 10)
	after := byAddress(decode(t, write(t, moved)))
	checked := 0
	for key, b := range before {
		if uri(b) != "main.tf" {
			continue
		}
		a := after[key]
		checked++
		bl := physical(b)["region"].(map[string]any)["startLine"].(float64)
		al := physical(a)["region"].(map[string]any)["startLine"].(float64)
		if al != bl+10 {
			t.Errorf("%s: line %v → %v, want moved by 10", key, bl, al)
		}
		bf, af := b["partialFingerprints"].(map[string]any), a["partialFingerprints"].(map[string]any)
		if bf[policies.FingerprintKey] != af[policies.FingerprintKey] {
			t.Errorf("%s: %s changed: %v → %v", key, policies.FingerprintKey, bf[policies.FingerprintKey], af[policies.FingerprintKey])
		}
		if bf[LineHashKey] == nil || bf[LineHashKey] != af[LineHashKey] {
			t.Errorf("%s: %s changed: %v → %v", key, LineHashKey, bf[LineHashKey], af[LineHashKey])
		}
	}
	if checked < 4 {
		t.Fatalf("only %d main.tf results checked", checked)
	}
	// The module finding lives in another file, but its call moved.
	mod := "aws-s3-bucket-encryption module.db.aws_s3_bucket.logs"
	if before[mod]["partialFingerprints"].(map[string]any)[policies.FingerprintKey] != after[mod]["partialFingerprints"].(map[string]any)[policies.FingerprintKey] {
		t.Error("module finding fingerprint changed when its caller moved")
	}

	// Editing the flagged line itself changes the line hash but not the
	// location-free fingerprint: the alert stays the same alert.
	edited := reporttest.Sample()
	edited.Files[reporttest.MainTF] = []byte(strings.Replace(reporttest.MainSrc, "storage_encrypted = false", "storage_encrypted = 0", 1))
	e := byAddress(decode(t, write(t, edited)))["aws-rds-storage-encrypted aws_db_instance.main"]["partialFingerprints"].(map[string]any)
	b := before["aws-rds-storage-encrypted aws_db_instance.main"]["partialFingerprints"].(map[string]any)
	if e[LineHashKey] == b[LineHashKey] || e[policies.FingerprintKey] != b[policies.FingerprintKey] {
		t.Errorf("edited line: before %v, after %v", b, e)
	}
}

func TestDeterministic(t *testing.T) {
	first := write(t, reporttest.Sample())
	if again := write(t, reporttest.Sample()); !bytes.Equal(first, again) {
		t.Fatal("two writes of the same input differ")
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		in := reporttest.Sample()
		rng.Shuffle(len(in.Findings), func(a, b int) { in.Findings[a], in.Findings[b] = in.Findings[b], in.Findings[a] })
		rng.Shuffle(len(in.Rules), func(a, b int) { in.Rules[a], in.Rules[b] = in.Rules[b], in.Rules[a] })
		policies.SortFindings(in.Findings)
		if got := write(t, in); !bytes.Equal(first, got) {
			t.Fatalf("shuffle %d: output differs", i)
		}
	}
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"sample", "non-strict", "empty"} {
		t.Run(name, func(t *testing.T) {
			got := write(t, inputs()[name])
			path := filepath.Join("testdata", "golden", name+".sarif")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, got)
			}
		})
	}
}

func TestURIEscaping(t *testing.T) {
	b := &builder{in: &report.Input{WorkDir: "/w"}}
	cases := map[string]artifactLocation{
		"a b/c#d%e.tf":       {URI: "a%20b/c%23d%25e.tf", URIBaseID: srcRoot},
		"/w/x/ü.tf":          {URI: "x/%C3%BC.tf", URIBaseID: srcRoot},
		"../up.tf":           {URI: "file:///up.tf"},
		"/other/dir name.tf": {URI: "file:///other/dir%20name.tf"},
		"./x/../y.tf":        {URI: "y.tf", URIBaseID: srcRoot},
	}
	for in, want := range cases {
		if got := b.artifact(filepath.FromSlash(in)); got != want {
			t.Errorf("%q → %+v, want %+v", in, got, want)
		}
	}
}

func TestRegionClamp(t *testing.T) {
	cases := []struct {
		in   hcl.Range
		want region
	}{
		{hcl.Range{}, region{1, 1, 1, 1}},
		{hcl.Range{Start: hcl.Pos{Line: 3, Column: 5}, End: hcl.Pos{Line: 2, Column: 1}}, region{3, 5, 3, 5}},
		{hcl.Range{Start: hcl.Pos{Line: 3, Column: 5}, End: hcl.Pos{Line: 4, Column: 0}}, region{3, 5, 4, 1}},
		{hcl.Range{Start: hcl.Pos{Line: -1, Column: -1}, End: hcl.Pos{Line: -1, Column: -1}}, region{1, 1, 1, 1}},
	}
	for _, c := range cases {
		if got := sarifRegion(c.in); got != c.want {
			t.Errorf("%v → %+v, want %+v", c.in, got, c.want)
		}
	}
}
