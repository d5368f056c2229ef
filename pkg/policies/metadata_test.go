package policies_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/rules/*.md from the rule metadata")

var idRe = regexp.MustCompile(`^aws-[a-z0-9]+(-[a-z0-9]+)+$`)

// TestRuleMetadata keeps every rule's metadata complete: the docs, --explain
// and SARIF's rule table are generated from it.
func TestRuleMetadata(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range policies.All() {
		if !idRe.MatchString(r.ID) {
			t.Errorf("rule id %q is not of the form aws-<service>-<what>", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule id %q registered twice", r.ID)
		}
		seen[r.ID] = true
		for field, v := range map[string]string{
			"Title": r.Title, "Description": r.Description, "Section": r.Section,
			"Service": r.Service, "Remediation": r.Remediation, "Bad": r.Bad, "Good": r.Good,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", r.ID, field)
			}
		}
		if len(r.Title) > 120 || len(r.Description) > 1024 {
			t.Errorf("%s: title or description too long for SARIF (≤ 1024)", r.ID)
		}
		if len(r.Citations) == 0 || len(r.Resources) == 0 || r.Check == nil {
			t.Errorf("%s: needs citations, resources and a Check", r.ID)
		}
		if r.Severity < policies.Low || r.Severity > policies.Critical {
			t.Errorf("%s: severity %d out of range", r.ID, r.Severity)
		}
		for _, c := range r.Citations {
			if !strings.HasPrefix(c, "45 CFR 164.") {
				t.Errorf("%s: citation %q is not a 45 CFR 164 section", r.ID, c)
			}
		}
	}
}

// TestRuleDocsInSync fails when docs/rules/<id>.md drifts from the metadata.
func TestRuleDocsInSync(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "rules")
	want := map[string]bool{}
	for _, r := range policies.All() {
		path := filepath.Join(dir, r.ID+".md")
		want[r.ID+".md"] = true
		doc := policies.Doc(r)
		if *updateDocs {
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != doc {
			t.Errorf("%s is out of date; run go test ./pkg/policies -run TestRuleDocsInSync -update-docs", path)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") && !want[e.Name()] {
			t.Errorf("%s documents no registered rule", filepath.Join(dir, e.Name()))
		}
	}
}

// TestReadmeTablesInSync keeps the README's generated tables equal to the
// metadata. Each sits between `<!-- NAME -->` and `<!-- /NAME -->`.
func TestReadmeTablesInSync(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	rules := policies.All()
	for name, table := range map[string]string{
		"rules-table":     policies.RulesTable(rules),
		"sections-table":  policies.SectionsTable(rules),
		"citations-table": policies.CitationsTable(rules),
	} {
		open, closing := "<!-- "+name+" -->\n", "<!-- /"+name+" -->"
		i := strings.Index(readme, open)
		j := strings.Index(readme, closing)
		if i < 0 || j < i {
			t.Errorf("README.md lacks the %s markers", name)
			continue
		}
		if readme[i+len(open):j] == table {
			continue
		}
		if *updateDocs {
			readme = readme[:i+len(open)] + table + readme[j:]
			continue
		}
		t.Errorf("README.md %s is out of date; run go test ./pkg/policies -run TestReadmeTablesInSync -update-docs", name)
	}
	if *updateDocs {
		if err := os.WriteFile(path, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
