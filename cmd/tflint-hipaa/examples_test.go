package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

var updateExamples = flag.Bool("update-examples", false, "rewrite testdata/examples/*.golden from the current findings")

// repoRoot is where the examples live relative to this package; findings
// name files relative to the working directory, so goldens strip it to stay
// readable and independent of where the test runs from.
const repoRoot = "../../"

// exampleFinding is one line of a golden file: what a user would need to
// find the finding again (rule, resource, place). The CLI names files under
// the working directory relatively and others absolutely; both become
// relative to the repository here.
func exampleFinding(t *testing.T, f jsonFinding, col int) string {
	t.Helper()
	file := f.File
	if filepath.IsAbs(file) {
		root, err := filepath.Abs(repoRoot)
		if err != nil {
			t.Fatal(err)
		}
		if rel, err := filepath.Rel(root, file); err == nil {
			file = rel
		}
	}
	file = strings.TrimPrefix(filepath.ToSlash(file), repoRoot)
	return f.RuleID + " " + f.Address + " " + file + ":" + strconv.Itoa(f.StartLine) + ":" + strconv.Itoa(col)
}

// exampleDoc is the JSON output with the column, which the shared jsonFinding
// of main_test.go leaves out.
type exampleDoc struct {
	Findings []struct {
		jsonFinding
		StartColumn int `json:"start_column"`
	} `json:"findings"`
	Errors []map[string]any `json:"errors"`
}

func runExample(t *testing.T, args ...string) (int, []string, map[string]bool) {
	t.Helper()
	code, out, errs := cli(t, append([]string{"--format", "json"}, args...)...)
	var doc exampleDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s\nstderr: %s", err, out, errs)
	}
	if len(doc.Errors) != 0 {
		t.Fatalf("errors: %v", doc.Errors)
	}
	var lines []string
	ids := map[string]bool{}
	for _, f := range doc.Findings {
		lines = append(lines, exampleFinding(t, f.jsonFinding, f.StartColumn))
		ids[f.RuleID] = true
	}
	sort.Strings(lines)
	return code, lines, ids
}

// checkGolden compares findings with testdata/examples/<name>.golden.
func checkGolden(t *testing.T, name string, got []string) {
	t.Helper()
	path := filepath.Join(repoRoot, "testdata", "examples", name+".golden")
	text := strings.Join(got, "\n") + "\n"
	if *updateExamples {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/tflint-hipaa -run Example -update-examples)", err)
	}
	wantLines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
	missing, extra := diffSets(wantLines, got)
	for _, l := range missing {
		t.Errorf("missing finding: %s", l)
	}
	for _, l := range extra {
		t.Errorf("unexpected finding: %s", l)
	}
}

func diffSets(want, got []string) (missing, extra []string) {
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	for _, l := range want {
		if count[l] > 0 {
			missing = append(missing, l)
			count[l]--
		}
	}
	for _, l := range got {
		if count[l] < 0 {
			extra = append(extra, l)
			count[l]++
		}
	}
	return missing, extra
}

// The reference stack passes the paper as written, and so also the current
// profile, which only relaxes it. With --strict nothing is left undetermined
// either: a stack meant to be copied should not pass by being unreadable.
func TestExampleCompliantHasNoFindings(t *testing.T) {
	for _, args := range [][]string{
		{"--profile", "whitepaper"},
		{"--profile", "current"},
		{"--profile", "whitepaper", "--strict"},
	} {
		code, lines, _ := runExample(t, append(args, repoRoot+"examples/compliant")...)
		if code != exitOK || len(lines) != 0 {
			t.Errorf("%v: exit %d with %d findings, want 0 and none:\n%s", args, code, len(lines), strings.Join(lines, "\n"))
		}
	}
}

func TestExampleNoncompliantBreaksEveryRule(t *testing.T) {
	code, lines, ids := runExample(t, repoRoot+"examples/noncompliant")
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
	// The registry at test time, not a list: a new rule must come with a
	// broken example.
	for _, r := range policies.All() {
		if !ids[r.ID] {
			t.Errorf("rule %s has no finding in examples/noncompliant: break it there", r.ID)
		}
	}
	checkGolden(t, "noncompliant", lines)
}

// The plan gives the findings the same configuration gives as HCL, at the
// same main.tf lines: that is what source mapping promises.
func TestExamplePlanMapsFindingsToMainTF(t *testing.T) {
	planCode, planLines, _ := runExample(t, repoRoot+"examples/plan/plan.json")
	if planCode != exitFindings || len(planLines) == 0 {
		t.Fatalf("plan: exit %d with %d findings, want %d and some", planCode, len(planLines), exitFindings)
	}
	checkGolden(t, "plan", planLines)

	_, hclLines, _ := runExample(t, repoRoot+"examples/plan")
	missing, extra := diffSets(hclLines, planLines)
	if len(missing) != 0 || len(extra) != 0 {
		t.Errorf("plan and HCL disagree:\nonly from HCL: %v\nonly from the plan: %v", missing, extra)
	}

	blocks := resourceBlocks(t, repoRoot+"examples/plan/main.tf")
	for _, l := range planLines {
		fields := strings.Fields(l)
		addr, place := fields[1], fields[2]
		file, line := splitPlace(t, place)
		if file != "examples/plan/main.tf" {
			t.Errorf("%s: points at %s, want examples/plan/main.tf", l, file)
			continue
		}
		span, ok := blocks[addr]
		if !ok {
			t.Errorf("%s: no resource block %s in main.tf", l, addr)
			continue
		}
		if line < span[0] || line > span[1] {
			t.Errorf("%s: line %d is outside %s's block (lines %d-%d)", l, line, addr, span[0], span[1])
		}
	}
}

// The README's first command: the whole examples directory shows the
// non-compliant stack's findings and plan/main.tf's, and nothing from the
// compliant stack (plan.json is only read when named).
func TestExamplesDirectoryAsInTheReadme(t *testing.T) {
	code, lines, _ := runExample(t, repoRoot+"examples")
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
	_, nonLines, _ := runExample(t, repoRoot+"examples/noncompliant")
	_, planLines, _ := runExample(t, repoRoot+"examples/plan")
	want := append(append([]string(nil), nonLines...), planLines...)
	missing, extra := diffSets(want, lines)
	for _, l := range missing {
		t.Errorf("missing finding: %s", l)
	}
	for _, l := range extra {
		t.Errorf("unexpected finding: %s", l)
	}
}

var resourceHeader = regexp.MustCompile(`^resource "([^"]+)" "([^"]+)" \{`)

// resourceBlocks maps each top-level resource address of a file to its first
// and last line, read independently of the loader (top-level blocks open at
// column 1 and close with a lone "}").
func resourceBlocks(t *testing.T, path string) map[string][2]int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string][2]int{}
	open := ""
	start := 0
	for i, text := range strings.Split(string(data), "\n") {
		if m := resourceHeader.FindStringSubmatch(text); m != nil {
			open, start = m[1]+"."+m[2], i+1
			continue
		}
		if open != "" && text == "}" {
			blocks[open] = [2]int{start, i + 1}
			open = ""
		}
	}
	return blocks
}

func splitPlace(t *testing.T, place string) (string, int) {
	t.Helper()
	parts := strings.Split(place, ":")
	if len(parts) != 3 {
		t.Fatalf("bad place %q", place)
	}
	line, err := strconv.Atoi(parts[1])
	if err != nil {
		t.Fatalf("bad line in %q", place)
	}
	return parts[0], line
}
