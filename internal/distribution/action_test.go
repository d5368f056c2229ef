package distribution

import (
	"slices"
	"strings"
	"testing"
)

func TestActionStructure(t *testing.T) {
	a := readYAML(t, "action.yml")
	for _, key := range []string{"name", "description", "runs"} {
		if get(a, key) == nil {
			t.Errorf("action.yml lacks %s", key)
		}
	}
	if get(a, "runs", "using") != "composite" {
		t.Errorf("runs.using = %v, want composite", get(a, "runs", "using"))
	}
	for _, in := range []string{"path", "format", "fail-on", "args", "upload-sarif", "category"} {
		input := get(a, "inputs", in)
		if input == nil {
			t.Errorf("input %q missing", in)
			continue
		}
		if d, _ := get(input, "description").(string); d == "" {
			t.Errorf("input %q has no description", in)
		}
		if _, ok := get(input, "default").(string); !ok {
			t.Errorf("input %q needs a string default", in)
		}
	}
	steps, _ := get(a, "runs", "steps").([]any)
	if len(steps) == 0 {
		t.Fatal("no steps")
	}
	var uploads, runsLinter int
	for i, s := range steps {
		uses, _ := get(s, "uses").(string)
		run, _ := get(s, "run").(string)
		if (uses == "") == (run == "") {
			t.Errorf("step %d must have exactly one of uses and run", i)
		}
		if run != "" && get(s, "shell") == nil {
			t.Errorf("step %d: a composite run step needs shell", i)
		}
		if strings.HasPrefix(uses, "github/codeql-action/upload-sarif@") {
			uploads++
			if get(s, "with", "sarif_file") == nil || get(s, "with", "category") == nil {
				t.Errorf("upload step needs sarif_file and category")
			}
			if cond, _ := get(s, "if").(string); !strings.Contains(cond, "inputs.upload-sarif") {
				t.Errorf("upload step must honour the upload-sarif input: if = %q", cond)
			}
		}
		if strings.Contains(run, "tflint-hipaa ") && strings.Contains(run, "--fail-on") {
			runsLinter++
			// Inputs reach the script through env, never spliced into it.
			if strings.Contains(run, "${{") {
				t.Errorf("step %d splices an expression into the script; pass inputs through env", i)
			}
		}
	}
	if uploads != 1 || runsLinter != 1 {
		t.Errorf("want one linter step and one SARIF upload, got %d and %d", runsLinter, uploads)
	}
	if out := get(a, "outputs", "exit-code"); out == nil {
		t.Error("output exit-code missing")
	}
}

func TestPreCommitHooksStructure(t *testing.T) {
	hooks, _ := readYAML(t, ".pre-commit-hooks.yaml").([]any)
	var ids []string
	for _, h := range hooks {
		id, _ := get(h, "id").(string)
		ids = append(ids, id)
		for _, key := range []string{"name", "entry", "language", "files"} {
			if get(h, key) == nil {
				t.Errorf("hook %s lacks %s", id, key)
			}
		}
		if get(h, "require_serial") != true {
			t.Errorf("hook %s must be require_serial", id)
		}
		if files, _ := get(h, "files").(string); files != `\.(tf|tf\.json|tfvars|tofu)$` {
			t.Errorf("hook %s files = %q", id, files)
		}
	}
	if !slices.Equal(ids, []string{"tflint-hipaa", "tflint-hipaa-system"}) {
		t.Errorf("hook ids = %v", ids)
	}
	if get(hooks[0], "language") != "golang" || get(hooks[1], "language") != "system" {
		t.Errorf("languages: %v, %v", get(hooks[0], "language"), get(hooks[1], "language"))
	}
}
