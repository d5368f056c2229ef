package sarif

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report/reporttest"
)

// encoderOutput is what Write produced before it streamed: the whole log
// from build(in) through one json.Encoder, indented, without HTML escaping.
func encoderOutput(t testing.TB, in *report.Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(build(in)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// awkward are strings that take every escaping path of encoding/json.
var awkward = []string{
	"",
	"plain",
	`<script>alert("x")</script> & more`,
	"quote \" backslash \\ slash /",
	"controls \x00\x01\x07\b\t\n\v\f\r\x1b\x1f end \x7f",
	"non-ASCII: café, Über, 患者, 🔒",
	"separators \u2028 and \u2029 and \u2027 \u202a",
	"invalid \xff\xfe bytes, truncated \xe6\x97 and \xf0\x9f\x94, surrogate \xed\xa0\x80",
	"ssn 123-45-6789, mrn: 12345678",
	"\ufeffBOM at the start",
}

// hostileInput covers what the result encoder must reproduce: every
// omitempty field both empty and set, awkward text everywhere, files with
// and without sources, inside and outside the work directory, plan-only
// findings, rules missing from Input.Rules, and diagnostics.
func hostileInput(seed int64, findings int) *report.Input {
	rng := rand.New(rand.NewSource(seed))
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	files := []string{"main.tf", "a b/c#d%e.tf", "mod/ü.tf", "/w/abs.tf", "/elsewhere/x.tf", "../up.tf", "no-source.tf", "plan.json"}
	in := &report.Input{
		Rules:   reporttest.Rules(),
		Files:   map[string][]byte{},
		WorkDir: "/w",
		Strict:  rng.Intn(4) != 0,
		Version: pick(awkward),
	}
	for _, f := range files[:len(files)-2] {
		var src strings.Builder
		for range 5 + rng.Intn(200) {
			src.WriteString(pick(awkward))
			src.WriteString(pick([]string{"\n", "\r\n", "\r", "  x = 1\n"}))
		}
		in.Files[f] = []byte(src.String())
	}
	ruleIDs := []string{"not-a-known-rule", "another <unknown> & rule"}
	for _, r := range in.Rules {
		ruleIDs = append(ruleIDs, r.ID)
	}
	place := func() hcl.Range {
		sl, sc := rng.Intn(300)-2, rng.Intn(80)-2
		return hcl.Range{
			Filename: pick(files),
			Start:    hcl.Pos{Line: sl, Column: sc},
			End:      hcl.Pos{Line: sl + rng.Intn(5) - 2, Column: rng.Intn(80) - 2},
		}
	}
	for i := range findings {
		f := policies.Finding{
			RuleID:       pick(ruleIDs),
			Severity:     policies.Severity(rng.Intn(5)),
			Message:      pick(awkward) + fmt.Sprint(i),
			Root:         pick([]string{".", "", "plan.json", "mod"}),
			Address:      fmt.Sprintf("aws_s3_bucket.b%d[%q]", i, pick(awkward)),
			Path:         pick(awkward),
			Undetermined: rng.Intn(5) == 0,
		}
		if rng.Intn(6) != 0 {
			f.Range = place()
		}
		for j := range rng.Intn(4) {
			call := graph.ModuleCall{Name: fmt.Sprint("m", j), Address: "module." + pick(awkward)}
			if rng.Intn(4) != 0 {
				call.DeclRange = place()
			}
			f.ModuleCalls = append(f.ModuleCalls, call)
		}
		switch rng.Intn(4) {
		case 0:
			f.Suppression = &policies.Suppression{Kind: "inSource", Source: "inline", Reason: pick(awkward), Range: place()}
		case 1:
			f.Suppression = &policies.Suppression{Kind: "inSource", Source: "inline"}
		case 2:
			f.Suppression = &policies.Suppression{Kind: pick([]string{"external", "baseline", ""}), Source: "config", Reason: pick(awkward)}
		}
		in.Findings = append(in.Findings, f)
	}
	policies.SortFindings(in.Findings)
	for range rng.Intn(4) {
		d := &hcl.Diagnostic{Severity: []hcl.DiagnosticSeverity{hcl.DiagError, hcl.DiagWarning}[rng.Intn(2)], Summary: pick(awkward), Detail: pick(awkward)}
		if rng.Intn(2) == 0 {
			r := place()
			d.Subject = &r
		}
		in.Diags = append(in.Diags, d)
	}
	return in
}

// Write streams results encoded by hand and in parallel; its bytes must be
// exactly what one json.Encoder gives for the whole log, whatever the input
// and however many cores encode it.
func TestWriteMatchesEncoder(t *testing.T) {
	cases := inputs()
	cases["long description"] = reporttest.Sample()
	cases["long description"].Rules = append(cases["long description"].Rules, &policies.Rule{
		ID: "aws-long", Title: "<b>long</b> & \"quoted\"", Description: strings.Repeat("Ünïcode\u2028text & <tags>. ", 80),
	})
	for seed := range int64(8) {
		cases[fmt.Sprint("hostile ", seed)] = hostileInput(seed, 1+int(seed)*7)
	}
	// More results than chunks times workers, so chunks queue and are reused.
	cases["hostile large"] = hostileInput(99, 40*resultsPerChunk+3)
	cases["exactly one chunk"] = hostileInput(100, resultsPerChunk)
	cases["one more than a chunk"] = hostileInput(101, resultsPerChunk+1)

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		for name, in := range cases {
			t.Run(fmt.Sprintf("%s/procs=%d", name, procs), func(t *testing.T) {
				want := encoderOutput(t, in)
				got := write(t, in)
				if !bytes.Equal(got, want) {
					t.Fatalf("Write differs from json.Encoder at byte %d:\n got %q\nwant %q",
						firstDiff(got, want), around(got, firstDiff(got, want)), around(want, firstDiff(got, want)))
				}
			})
		}
	}
}

// The hostile inputs must actually reach the branches they are there for,
// or matching the encoder on them proves less than it seems.
func TestHostileInputCoversEveryField(t *testing.T) {
	in := hostileInput(99, 40*resultsPerChunk+3)
	doc := encoderOutput(t, in)
	for _, want := range []string{
		`"relatedLocations": [`, `"id": 1`, `"justification": "`, `"location": {`, `"kind": "external"`,
		`"uriBaseId": "%SRCROOT%"`, `"uri": "file:///elsewhere/x.tf"`, `"primaryLocationLineHash": "`,
		`"level": "note"`, `"toolExecutionNotifications": [`, `<script>`, `\u2028`, `\ufffd`, `\u0000`, `\b`, `\f`,
	} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("no %s in the hostile log", want)
		}
	}
	var noLineHash, noSuppression, noRelated bool
	for _, r := range build(in).Runs[0].Results {
		noLineHash = noLineHash || r.PartialFingerprints.LineHash == ""
		noSuppression = noSuppression || r.Suppressions == nil
		noRelated = noRelated || r.RelatedLocations == nil
	}
	if !noLineHash || !noSuppression || !noRelated {
		t.Errorf("want results without a line hash (%v), suppressions (%v) and related locations (%v)", noLineHash, noSuppression, noRelated)
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, i int) []byte {
	return b[max(0, i-120):min(len(b), i+120)]
}

func TestJSONStringMatchesEncoder(t *testing.T) {
	for _, s := range awkward {
		checkJSONString(t, s)
	}
	for c := range 256 {
		checkJSONString(t, string([]byte{'a', byte(c), 'z'}))
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range awkward {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

func checkJSONString(t *testing.T, s string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
		t.Errorf("%q: got %s, want %s", s, got, want)
	}
}

// partialFingerprints was a map, which encoding/json writes with sorted
// keys; the struct replacing it must keep the keys and that order.
func TestFingerprintKeys(t *testing.T) {
	typ := reflect.TypeFor[fingerprints]()
	var keys []string
	for i := range typ.NumField() {
		keys = append(keys, strings.Split(typ.Field(i).Tag.Get("json"), ",")[0])
	}
	want := []string{LineHashKey, policies.FingerprintKey}
	if !reflect.DeepEqual(keys, want) || keys[0] >= keys[1] {
		t.Errorf("keys %q, want %q in sorted order", keys, want)
	}
}

type failingWriter struct{ left int }

var errFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errFull
	}
	w.left -= len(p)
	return len(p), nil
}

// A failed write ends Write with the error and leaves no encoder running.
func TestWriteError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	in := hostileInput(7, 60*resultsPerChunk)
	size := len(encoderOutput(t, in))
	before := runtime.NumGoroutine()
	for _, at := range []int{0, 100, size / 3, size - 10} {
		if err := Write(&failingWriter{left: at}, in); !errors.Is(err, errFull) {
			t.Errorf("failing after %d of %d bytes: error %v", at, size, err)
		}
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before Write, %d after", before, after)
	}
	if err := Write(&failingWriter{left: size}, in); err != nil {
		t.Errorf("exactly enough room: %v", err)
	}
}

// Chunks finish in any order; write must still see them in input order, and
// each worker's encoder must be its own (the race detector checks that the
// unsynchronised counter below is never shared).
func TestEncodeInOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 6, 7, 8, 300} {
			var want strings.Builder
			for i := range n {
				fmt.Fprintf(&want, "%d,", i)
			}
			var got bytes.Buffer
			err := encodeInOrder(n, 7, func() encodeFunc {
				calls := 0
				rng := rand.New(rand.NewSource(int64(n)))
				return func(dst []byte, lo, hi int) []byte {
					calls++
					if rng.Intn(3) == 0 {
						runtime.Gosched()
					}
					for i := lo; i < hi; i++ {
						dst = fmt.Appendf(dst, "%d,", i)
					}
					return dst
				}
			}, func(chunk []byte) error {
				got.Write(chunk)
				return nil
			})
			if err != nil || got.String() != want.String() {
				t.Errorf("procs %d, n %d: %q, %v; want %q", procs, n, got.String(), err, want.String())
			}
		}
	}
}

// A bug that panics in a worker must reach the caller, where the CLI turns
// it into an "internal error", not kill the process from another goroutine.
func TestWorkerPanicsReachTheCaller(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	before := runtime.NumGoroutine()
	caught := func(run func()) (v any) {
		defer func() { v = recover() }()
		run()
		return nil
	}
	v := caught(func() {
		encodeInOrder(1000, 10, func() encodeFunc {
			return func(dst []byte, lo, hi int) []byte {
				if lo == 500 {
					panic("encode 500")
				}
				return append(dst, 'x')
			}
		}, func([]byte) error { return nil })
	})
	if v != "encode 500" {
		t.Errorf("encodeInOrder: recovered %v", v)
	}
	v = caught(func() {
		parallel(100, func(i int) {
			if i == 42 {
				panic("item 42")
			}
		})
	})
	if v != "item 42" {
		t.Errorf("parallel: recovered %v", v)
	}
	// A worker calls wg.Done a moment before it exits, so the count is
	// polled: the workers must go away, however slowly the scheduler lets them.
	after := runtime.NumGoroutine()
	for wait := 0; after > before && wait < 5000; wait++ {
		time.Sleep(time.Millisecond)
		after = runtime.NumGoroutine()
	}
	if after > before {
		t.Errorf("%d goroutines before, %d after", before, after)
	}
}
