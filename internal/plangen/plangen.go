// Package plangen writes the `terraform show -json` plan that terraform and
// the AWS provider would produce for a configuration, from the graph the HCL
// loader built of it. The rule fixtures run as HCL and as this plan, and
// expect the same findings at the same lines; terraform itself cannot run
// here (offline, no providers), so the plan is emulated:
//
//   - configured known values are planned as they are;
//   - values unknown before apply (references to other resources' computed
//     attributes) are left out of planned values and marked in after_unknown,
//     with the configuration's expression naming the references;
//   - arguments the configuration omits are filled the way the provider
//     fills them (defaults.go): known defaults as values, computed ones in
//     after_unknown.
//
// A real plan cannot have input variables without a value, so a graph with
// values that depend on one is refused: such a fixture is HCL-only.
package plangen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
)

// Versions written into generated plans. They are fixed so output is stable.
const (
	formatVersion    = "1.2"
	terraformVersion = "1.9.8"
	awsProvider      = "registry.terraform.io/hashicorp/aws"
)

// ErrUnknownInput reports that the configuration depends on an input
// variable (or instance count) without a value, which a real plan would
// have to be given.
var ErrUnknownInput = errors.New("depends on an input variable without a value")

// WriteFixture loads the root module in dir with the HCL loader and writes
// the plan of its resources to dir/plan.json, with file names relative to
// the current directory as the loader reports them.
func WriteFixture(dir string) error {
	res := parser.Load([]string{dir}, parser.Options{})
	if res.Diags.HasErrors() {
		return fmt.Errorf("loading %s: %s", dir, res.Diags.Error())
	}
	var g *graph.Graph
	for _, cand := range res.Graphs {
		if strings.HasSuffix(cand.Root, ".json") {
			continue
		}
		if g != nil {
			return fmt.Errorf("%s holds more than one root module (%s, %s)", dir, g.Root, cand.Root)
		}
		g = cand
	}
	if g == nil {
		return fmt.Errorf("%s: no root module", dir)
	}
	data, err := Generate(g, res.Files)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "plan.json"), data, 0o644)
}

// Generate renders g as `terraform show -json` plan output. files are the
// loader's source files (Result.Files); with them the configuration's
// expressions list the references Terraform would list, variables and module
// outputs included, and a value that depends on an input variable without a
// value is detected. files may be nil.
func Generate(g *graph.Graph, files map[string][]byte) ([]byte, error) {
	gen := &generator{g: g, src: newSourceIndex(files), modules: map[string]*cfgModule{}}
	return gen.run()
}

type generator struct {
	g       *graph.Graph
	src     *sourceIndex
	modules map[string]*cfgModule // by configuration path: "", "db", "app.db"
}

// Output shapes, in the key order terraform writes them.
type planOut struct {
	FormatVersion    string         `json:"format_version"`
	TerraformVersion string         `json:"terraform_version"`
	PlannedValues    valuesOut      `json:"planned_values"`
	ResourceChanges  []*changeOut   `json:"resource_changes"`
	PriorState       *priorStateOut `json:"prior_state,omitempty"`
	Configuration    configOut      `json:"configuration"`
	Timestamp        string         `json:"timestamp"`
	Applyable        bool           `json:"applyable"`
	Complete         bool           `json:"complete"`
	Errored          bool           `json:"errored"`
}

type valuesOut struct {
	RootModule *moduleOut `json:"root_module"`
}

type priorStateOut struct {
	FormatVersion    string    `json:"format_version"`
	TerraformVersion string    `json:"terraform_version"`
	Values           valuesOut `json:"values"`
}

type moduleOut struct {
	Resources    []*resourceOut `json:"resources,omitempty"`
	Address      string         `json:"address,omitempty"`
	ChildModules []*moduleOut   `json:"child_modules,omitempty"`
}

type resourceOut struct {
	Address         string         `json:"address"`
	Mode            string         `json:"mode"`
	Type            string         `json:"type"`
	Name            string         `json:"name"`
	Index           any            `json:"index,omitempty"`
	ProviderName    string         `json:"provider_name"`
	SchemaVersion   int            `json:"schema_version"`
	Values          map[string]any `json:"values"`
	SensitiveValues map[string]any `json:"sensitive_values"`
}

type changeOut struct {
	Address       string     `json:"address"`
	ModuleAddress string     `json:"module_address,omitempty"`
	Mode          string     `json:"mode"`
	Type          string     `json:"type"`
	Name          string     `json:"name"`
	Index         any        `json:"index,omitempty"`
	ProviderName  string     `json:"provider_name"`
	Change        changeBody `json:"change"`
}

type changeBody struct {
	Actions         []string       `json:"actions"`
	Before          any            `json:"before"`
	After           map[string]any `json:"after"`
	AfterUnknown    map[string]any `json:"after_unknown"`
	BeforeSensitive bool           `json:"before_sensitive"`
	AfterSensitive  map[string]any `json:"after_sensitive"`
}

type configOut struct {
	ProviderConfig map[string]*providerOut `json:"provider_config"`
	RootModule     *cfgModule              `json:"root_module"`
}

type providerOut struct {
	Name              string `json:"name"`
	FullName          string `json:"full_name"`
	VersionConstraint string `json:"version_constraint,omitempty"`
}

func (gen *generator) run() ([]byte, error) {
	out := &planOut{
		FormatVersion:    formatVersion,
		TerraformVersion: terraformVersion,
		// A fixed time keeps regenerated fixtures byte-identical.
		Timestamp: "2026-01-01T00:00:00Z",
		Applyable: true,
		Complete:  true,
		Configuration: configOut{
			ProviderConfig: map[string]*providerOut{"aws": {Name: "aws", FullName: awsProvider, VersionConstraint: gen.g.Provider.Constraint}},
		},
	}
	planned := newModuleTree()
	prior := newModuleTree()
	out.Configuration.RootModule = gen.module(nil)
	for _, r := range gen.g.Resources {
		if r.Key != cty.NilVal && !r.Key.IsKnown() {
			return nil, fmt.Errorf("%s: instance count %w", r.Address, ErrUnknownInput)
		}
		calls := moduleCallsOf(r)
		cm := gen.module(calls)
		cm.addResource(gen, r)

		after, unknown, err := gen.values(r)
		if err != nil {
			return nil, err
		}
		ro := &resourceOut{
			Address: r.Address, Mode: modeName(r), Type: r.Type, Name: r.Name, Index: keyJSON(r.Key),
			ProviderName: awsProvider, Values: after, SensitiveValues: map[string]any{},
		}
		// Terraform reads a data source while planning when its arguments
		// are known; it is then in prior_state, not in the changes.
		if r.Mode == graph.Data && len(unknown) == 0 {
			prior.add(calls, ro)
			continue
		}
		planned.add(calls, ro)
		actions := []string{"create"}
		if r.Mode == graph.Data {
			actions = []string{"read"}
		}
		out.ResourceChanges = append(out.ResourceChanges, &changeOut{
			Address: r.Address, ModuleAddress: r.Module, Mode: modeName(r), Type: r.Type, Name: r.Name,
			Index: keyJSON(r.Key), ProviderName: awsProvider,
			Change: changeBody{Actions: actions, After: after, AfterUnknown: unknown, AfterSensitive: map[string]any{}},
		})
	}
	out.PlannedValues.RootModule = planned.root
	if len(prior.root.Resources) > 0 || len(prior.root.ChildModules) > 0 {
		out.PriorState = &priorStateOut{FormatVersion: "1.0", TerraformVersion: terraformVersion, Values: valuesOut{RootModule: prior.root}}
	}
	if err := gen.finishModules(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func modeName(r *graph.Resource) string {
	if r.Mode == graph.Data {
		return "data"
	}
	return "managed"
}

// keyJSON is an instance key as the plan's `index` writes it.
func keyJSON(k cty.Value) any {
	if k == cty.NilVal || !k.IsKnown() || k.IsNull() {
		return nil
	}
	switch k.Type() {
	case cty.Number:
		return json.Number(k.AsBigFloat().Text('f', -1))
	case cty.String:
		return k.AsString()
	}
	return nil
}

// moduleCall is one step of a resource's module path.
type moduleCall struct {
	name    string
	address string
	call    graph.ModuleCall
}

// moduleCallsOf lists the module calls leading to r, outermost first.
func moduleCallsOf(r *graph.Resource) []moduleCall {
	var out []moduleCall
	for _, mc := range r.ModuleCalls {
		out = append(out, moduleCall{name: mc.Name, address: mc.Address, call: mc})
	}
	if len(out) == 0 && r.Module != "" {
		// Without the calls' ranges, split the module address itself.
		addr := ""
		for _, part := range splitModuleAddr(r.Module) {
			addr = joinAddr(addr, "module."+part.name+part.key)
			out = append(out, moduleCall{name: part.name, address: addr})
		}
	}
	return out
}

type modulePart struct{ name, key string }

// splitModuleAddr splits `module.a["x"].module.b` into its calls.
func splitModuleAddr(addr string) []modulePart {
	var out []modulePart
	rest := addr
	for strings.HasPrefix(rest, "module.") {
		rest = rest[len("module."):]
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			out = append(out, modulePart{name: rest})
			break
		}
		p := modulePart{name: rest[:end]}
		rest = rest[end:]
		if strings.HasPrefix(rest, "[") {
			close := closingBracket(rest)
			p.key = rest[:close+1]
			rest = rest[close+1:]
		}
		out = append(out, p)
		rest = strings.TrimPrefix(rest, ".")
	}
	return out
}

// closingBracket finds the `]` ending an instance key, skipping quoted text.
func closingBracket(s string) int {
	inStr := false
	for i := 0; i < len(s); i++ {
		switch {
		case inStr && s[i] == '\\':
			i++
		case s[i] == '"':
			inStr = !inStr
		case !inStr && s[i] == ']':
			return i
		}
	}
	return len(s) - 1
}

func joinAddr(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// moduleTree gathers resources into planned_values' nested child_modules.
type moduleTree struct {
	root   *moduleOut
	byAddr map[string]*moduleOut
}

func newModuleTree() *moduleTree {
	root := &moduleOut{}
	return &moduleTree{root: root, byAddr: map[string]*moduleOut{"": root}}
}

func (t *moduleTree) add(calls []moduleCall, r *resourceOut) {
	parent := t.root
	for _, c := range calls {
		m := t.byAddr[c.address]
		if m == nil {
			m = &moduleOut{Address: c.address}
			t.byAddr[c.address] = m
			parent.ChildModules = append(parent.ChildModules, m)
			sort.Slice(parent.ChildModules, func(i, j int) bool {
				return parent.ChildModules[i].Address < parent.ChildModules[j].Address
			})
		}
		parent = m
	}
	parent.Resources = append(parent.Resources, r)
}
