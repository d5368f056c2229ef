package policies_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// Fixture layout, as analysistest does with `// want`:
//
//	testdata/<rule-id>/<case>/*.tf          a root module (with modules/ below it if it calls any)
//	testdata/<rule-id>/<case>/plan.json     the same resources as `terraform show -json` output
//
// A line that must be flagged ends with a comment `want "<rule-id>"`, one quoted id per
// expected finding on that line (`count = 2` → `# want "x" "x"`). A comment
// `undetermined "<rule-id>"` expects a check that could not be decided (counted, not reported).
// `want[hcl]` / `undetermined[plan]` hold in one mode only, for what a plan
// really cannot know (a jsonencode over an ARN is unknown in a plan, readable in HCL).
// Directives anywhere in a case's .tf files:
//
//	# fixture: profile=current            run under a profile
//	# fixture: hcl-only <reason>          no plan.json (e.g. a variable a real plan would have to set)
//	# fixture: option min_days=14         a rule option from the config
var updatePlans = flag.Bool("update-plans", false, "regenerate every fixture's plan.json")

var (
	expectRe    = regexp.MustCompile(`(?:#|//)\s*((?:(?:want|undetermined)(?:\[(?:hcl|plan)\])?(?:\s+"[a-z0-9-]+")+\s*)+)$`)
	groupRe     = regexp.MustCompile(`(want|undetermined)(?:\[(hcl|plan)\])?((?:\s+"[a-z0-9-]+")+)`)
	quotedRe    = regexp.MustCompile(`"([a-z0-9-]+)"`)
	directiveRe = regexp.MustCompile(`(?m)^\s*#\s*fixture:\s*(.+?)\s*$`)
)

type lineKey struct {
	file string
	line int
	kind string // want | undetermined
}

// modeKey is an expectation with the mode it holds in ("" for both).
type modeKey struct {
	lineKey
	mode string
}

type fixtureCase struct {
	dir         string
	profile     string
	hclOnly     string
	options     map[string]int
	expect      map[modeKey]int
	sourceFiles []string
}

func TestRuleFixtures(t *testing.T) {
	rules := policies.All()
	if len(rules) == 0 {
		t.Fatal("the registry is empty")
	}
	for _, rule := range rules {
		t.Run(rule.ID, func(t *testing.T) {
			root := filepath.Join("testdata", rule.ID)
			entries, err := os.ReadDir(root)
			if err != nil {
				t.Fatalf("rule %s has no fixture folder %s: %v", rule.ID, root, err)
			}
			n := 0
			for _, e := range entries {
				if !e.IsDir() {
					continue
				}
				n++
				dir := filepath.ToSlash(filepath.Join(root, e.Name()))
				t.Run(e.Name(), func(t *testing.T) { runCase(t, rule, readCase(t, dir)) })
			}
			if n < 2 {
				t.Errorf("rule %s has %d fixture cases; want at least a failing and a passing one", rule.ID, n)
			}
		})
	}
}

func readCase(t *testing.T, dir string) *fixtureCase {
	t.Helper()
	c := &fixtureCase{dir: dir, profile: policies.ProfileWhitepaper, expect: map[modeKey]int{}, options: map[string]int{}}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".tf") || strings.HasSuffix(path, ".tfvars")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		path = filepath.ToSlash(path)
		c.sourceFiles = append(c.sourceFiles, path)
		for _, m := range directiveRe.FindAllStringSubmatch(string(data), -1) {
			fields := strings.Fields(m[1])
			switch {
			case strings.HasPrefix(fields[0], "profile="):
				c.profile = strings.TrimPrefix(fields[0], "profile=")
			case fields[0] == "hcl-only":
				c.hclOnly = strings.Join(fields[1:], " ")
				if c.hclOnly == "" {
					t.Errorf("%s: `fixture: hcl-only` needs a reason", path)
				}
			case fields[0] == "option" && len(fields) == 2:
				var name string
				var v int
				if _, err := fmt.Sscanf(strings.Replace(fields[1], "=", " ", 1), "%s %d", &name, &v); err != nil {
					t.Errorf("%s: bad option directive %q", path, m[1])
				}
				c.options[name] = v
			default:
				t.Errorf("%s: unknown fixture directive %q", path, m[1])
			}
		}
		for i, line := range strings.Split(string(data), "\n") {
			m := expectRe.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, g := range groupRe.FindAllStringSubmatch(m[1], -1) {
				for _, q := range quotedRe.FindAllStringSubmatch(g[3], -1) {
					if policies.ByID(q[1]) == nil {
						t.Errorf("%s:%d: expectation names unknown rule %q", path, i+1, q[1])
					}
					c.expect[modeKey{lineKey{path + "\x00" + q[1], i + 1, g[1]}, g[2]}]++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func runCase(t *testing.T, rule *policies.Rule, c *fixtureCase) {
	opts := policies.RunOptions{Profile: c.profile, RuleOptions: map[string]map[string]int{rule.ID: c.options}}
	t.Run("hcl", func(t *testing.T) {
		res := parser.Load([]string{c.dir}, parser.Options{})
		check(t, rule, c, res, opts, "hcl")
	})
	planFile := c.dir + "/plan.json"
	if c.hclOnly != "" {
		if _, err := os.Stat(planFile); err == nil {
			t.Errorf("%s is hcl-only (%s) but has a plan.json", c.dir, c.hclOnly)
		}
		return
	}
	if *updatePlans {
		if err := writeFixturePlan(c.dir); err != nil {
			t.Fatalf("generating %s: %v", planFile, err)
		}
	}
	t.Run("plan", func(t *testing.T) {
		if _, err := os.Stat(planFile); err != nil {
			t.Fatalf("%s has no plan.json (run go test ./pkg/policies -update-plans, or mark it `# fixture: hcl-only <reason>`)", c.dir)
		}
		res := parser.Load([]string{planFile}, parser.Options{})
		check(t, rule, c, res, opts, "plan")
	})
}

func check(t *testing.T, rule *policies.Rule, c *fixtureCase, res *parser.Result, opts policies.RunOptions, mode string) {
	t.Helper()
	expect := map[lineKey]int{}
	for k, n := range c.expect {
		if k.mode == "" || k.mode == mode {
			expect[k.lineKey] += n
		}
	}
	for _, d := range res.Diags {
		t.Errorf("load: %s", d.Error())
	}
	if len(res.Graphs) == 0 {
		t.Fatalf("%s: nothing loaded", c.dir)
	}
	var rules []*policies.Rule
	if rule.EnabledIn(opts.Profile) {
		rules = append(rules, rule)
	}
	findings, diags := policies.Run(res.Graphs, rules, opts)
	for _, d := range diags {
		t.Errorf("run: %s", d.Error())
	}
	got := map[lineKey]int{}
	where := map[lineKey][]string{}
	for _, f := range findings {
		kind := "want"
		if f.Undetermined {
			kind = "undetermined"
		}
		k := lineKey{f.Range.Filename + "\x00" + f.RuleID, f.Range.Start.Line, kind}
		got[k]++
		where[k] = append(where[k], f.Message)
		if f.Range.Start.Line < 1 || f.Range.Start.Column < 1 {
			t.Errorf("%s: finding without a 1-based position: %+v", f.Address, f.Range)
		}
	}
	var problems []string
	for k, n := range expect {
		if !strings.HasSuffix(k.file, "\x00"+rule.ID) {
			continue
		}
		if got[k] != n {
			problems = append(problems, fmt.Sprintf("%s:%d: %s %q: got %d, want %d %v", strings.Split(k.file, "\x00")[0], k.line, k.kind, rule.ID, got[k], n, where[k]))
		}
	}
	for k, n := range got {
		if _, ok := expect[k]; !ok {
			problems = append(problems, fmt.Sprintf("%s:%d: unexpected %s %q ×%d: %v", strings.Split(k.file, "\x00")[0], k.line, k.kind, rule.ID, n, where[k]))
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}
