package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

func bf(rule, addr, path string, line int) policies.Finding {
	return policies.Finding{
		RuleID:  rule,
		Root:    "stack",
		Address: addr,
		Path:    path,
		Range:   hcl.Range{Filename: "stack/main.tf", Start: hcl.Pos{Line: line, Column: 3}},
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	before := []policies.Finding{
		bf("rule-a", "aws_db_instance.a", "storage_encrypted", 3),
		bf("rule-b", "aws_s3_bucket.b", "", 10),
		bf("rule-a", "aws_db_instance.gone", "storage_encrypted", 20),
	}
	// Neither an inline-suppressed nor an undetermined finding is recorded.
	inline := bf("rule-a", "aws_db_instance.inline", "", 30)
	inline.Suppression = &policies.Suppression{Kind: "inSource", Source: "inline"}
	undetermined := bf("rule-b", "aws_s3_bucket.u", "", 40)
	undetermined.Undetermined = true
	before = append(before, inline, undetermined)

	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := WriteBaseline(path, NewBaseline(before)); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if err := WriteBaseline(path, NewBaseline(before)); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(path)
	if string(first) != string(second) {
		t.Errorf("baseline output is not deterministic")
	}
	var raw map[string]any
	if err := json.Unmarshal(first, &raw); err != nil || raw["version"] != float64(1) {
		t.Fatalf("baseline is not the documented JSON: %v %s", err, first)
	}
	b, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 3 {
		t.Fatalf("entries = %+v, want the 3 failing findings", b.Entries)
	}
	for i := 1; i < len(b.Entries); i++ {
		if b.Entries[i-1].Fingerprint >= b.Entries[i].Fingerprint {
			t.Errorf("entries not sorted by fingerprint")
		}
	}
	for _, e := range b.Entries {
		if e.File != "stack/main.tf" || e.RuleID == "" || e.Address == "" {
			t.Errorf("entry lacks context: %+v", e)
		}
	}

	// Next run: code moved (new lines), one finding fixed, one new.
	after := []policies.Finding{
		bf("rule-a", "aws_db_instance.a", "storage_encrypted", 13),
		bf("rule-b", "aws_s3_bucket.b", "", 21),
		bf("rule-b", "aws_s3_bucket.new", "", 50),
	}
	notes := ApplyBaseline(after, b, path, nil)
	if !after[0].Suppressed() || !after[1].Suppressed() {
		t.Fatalf("recorded findings not suppressed after moving lines")
	}
	if s := after[0].Suppression; s.Kind != "external" || s.Source != "baseline" || !strings.Contains(s.Reason, "baseline.json") {
		t.Errorf("suppression = %+v", s)
	}
	if after[2].Suppressed() {
		t.Errorf("the new finding was suppressed")
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "fixed") || !strings.Contains(notes[0], "aws_db_instance.gone.storage_encrypted") {
		t.Errorf("notes = %q, want one fixed entry for aws_db_instance.gone", notes)
	}

	// Rewriting the baseline from that run keeps baseline-suppressed findings.
	if got := NewBaseline(after); len(got.Entries) != 3 {
		t.Errorf("rewritten baseline has %d entries, want 3", len(got.Entries))
	}
}

func TestBaselineFixedOnlyForRulesThatRan(t *testing.T) {
	b := NewBaseline([]policies.Finding{bf("rule-a", "x.a", "", 1), bf("rule-b", "x.b", "", 2)})
	notes := ApplyBaseline(nil, b, "b.json", func(id string) bool { return id == "rule-a" })
	if len(notes) != 1 || !strings.Contains(notes[0], "rule-a") {
		t.Errorf("notes = %q, want only rule-a's entry", notes)
	}
}

func TestBaselineRejectsBadFiles(t *testing.T) {
	for name, src := range map[string]string{
		"not json":        "{",
		"other version":   `{"version": 2, "entries": []}`,
		"unknown field":   `{"version": 1, "entries": [], "extra": true}`,
		"no fingerprint":  `{"version": 1, "entries": [{"rule_id": "x"}]}`,
		"wrong shape":     `[]`,
		"entries not arr": `{"version": 1, "entries": {}}`,
	} {
		if _, err := ParseBaseline("b.json", []byte(src)); err == nil || !strings.HasPrefix(err.Error(), "b.json: ") {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	if _, err := ReadBaseline(filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Errorf("missing baseline: no error")
	}
}

func TestWriteBaselineLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	if err := WriteBaseline(filepath.Join(dir, "b.json"), NewBaseline(nil)); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || ents[0].Name() != "b.json" {
		t.Errorf("dir holds %v", ents)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	if string(data) != "{\n  \"version\": 1,\n  \"entries\": []\n}\n" {
		t.Errorf("empty baseline = %q", data)
	}
	if err := WriteBaseline(filepath.Join(dir, "missing-dir", "b.json"), NewBaseline(nil)); err == nil {
		t.Errorf("writing into a missing directory: no error")
	}
}
