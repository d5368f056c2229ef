package parser

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/internal/corpus"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

func writeFiles(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func diagSummaries(res *Result, sev hcl.DiagnosticSeverity) []string {
	var out []string
	for _, d := range res.Diags {
		if d.Severity == sev {
			out = append(out, d.Error())
		}
	}
	return out
}

func rootsOf(res *Result) []string {
	var out []string
	for _, g := range res.Graphs {
		out = append(out, g.Root)
	}
	return out
}

const bucketTF = `resource "aws_s3_bucket" "b" {
  bucket = "x"
}
`

func TestDiscovery(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"live/prod/main.tf":                 bucketTF,
		"live/prod/terraform.tfvars":        "",
		"live/dev/main.tf.json":             `{"resource": {"aws_s3_bucket": {"b": {"bucket": "y"}}}}`,
		"live/.hidden/main.tf":              bucketTF,
		"live/prod/.terraform/x/main.tf":    bucketTF,
		"examples/demo/main.tf":             bucketTF,
		"empty/README.md":                   "nothing here",
		"notes.txt":                         "text",
		"other.json":                        `{"a": 1}`,
		"live/prod/modules/not_called/a.tf": bucketTF,
	})
	cases := []struct {
		name     string
		paths    []string
		exclude  []string
		roots    []string
		errors   int
		warnings int
	}{
		{"directory tree", []string{"."}, nil, []string{"examples/demo", "live/dev", "live/prod", "live/prod/modules/not_called"}, 0, 0},
		{"exclude glob", []string{"."}, []string{"examples/**", "live/prod/modules/**"}, []string{"live/dev", "live/prod"}, 0, 0},
		{"overlapping directories", []string{".", "live", "live/prod/modules"}, nil, []string{"examples/demo", "live/dev", "live/prod", "live/prod/modules/not_called"}, 0, 0},
		{"file stands for its module, loaded once", []string{"live/prod/main.tf", "live/prod/terraform.tfvars", "live/prod"}, nil, []string{"live/prod", "live/prod/modules/not_called"}, 0, 0},
		{"missing path", []string{"nope"}, nil, nil, 1, 0},
		{"unsupported file", []string{"notes.txt"}, nil, nil, 1, 0},
		{"json that is not a plan", []string{"other.json"}, nil, nil, 1, 0},
		{"directory without terraform", []string{"empty"}, nil, nil, 0, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var paths []string
			for _, p := range tc.paths {
				paths = append(paths, filepath.Join(dir, p))
			}
			res := Load(paths, Options{WorkDir: dir, Exclude: tc.exclude})
			if got := rootsOf(res); strings.Join(got, " ") != strings.Join(tc.roots, " ") {
				t.Errorf("roots = %v, want %v", got, tc.roots)
			}
			if errs := diagSummaries(res, hcl.DiagError); len(errs) != tc.errors {
				t.Errorf("errors = %v, want %d", errs, tc.errors)
			}
			if ws := diagSummaries(res, hcl.DiagWarning); len(ws) != tc.warnings {
				t.Errorf("warnings = %v, want %d", ws, tc.warnings)
			}
			for _, d := range res.Diags {
				if strings.Contains(d.Summary, "\n") {
					t.Errorf("multi-line summary %q", d.Summary)
				}
			}
		})
	}
}

func TestFileNamesRelativeToWorkDir(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a/main.tf": bucketTF})
	res := Load([]string{filepath.Join(dir, "a")}, Options{WorkDir: dir})
	g := onlyGraph(t, res)
	if g.Root != "a" || g.Resources[0].DeclRange.Filename != "a/main.tf" {
		t.Errorf("root %q file %q", g.Root, g.Resources[0].DeclRange.Filename)
	}
	if _, ok := res.Files["a/main.tf"]; !ok {
		t.Errorf("files = %v", keys(res.Files))
	}
	// Outside WorkDir, names are absolute.
	other := t.TempDir()
	res = Load([]string{filepath.Join(dir, "a")}, Options{WorkDir: other})
	g = onlyGraph(t, res)
	real, _ := filepath.EvalSymlinks(filepath.Join(dir, "a", "main.tf"))
	if g.Resources[0].DeclRange.Filename != filepath.ToSlash(real) {
		t.Errorf("file %q, want absolute %q", g.Resources[0].DeclRange.Filename, real)
	}
}

func TestRobustness(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string)
		// errorIn is the file the error diagnostic must name; "" for none.
		errorIn string
	}{
		{"binary file", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"bin.tf": "\x7fELF\x00\x01\x02\xff\xfe" + strings.Repeat("\x00", 100)})
		}, "bin.tf"},
		{"invalid utf-8", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"bad.tf": "resource \"a\" \"\xff\xfe\" {\n}\n"})
		}, "bad.tf"},
		{"very large file", func(t *testing.T, dir string) {
			f, err := os.Create(filepath.Join(dir, "huge.tf"))
			if err != nil {
				t.Fatal(err)
			}
			chunk := []byte(strings.Repeat("# padding comment line to make a very large file\n", 1000))
			for written := 0; written < 50<<20; written += len(chunk) {
				if _, err := f.Write(chunk); err != nil {
					t.Fatal(err)
				}
			}
			f.Close()
		}, "huge.tf"},
		{"deep nesting", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"deep.tf": "locals {\n  x = " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "\n}\n"})
		}, "deep.tf"},
		{"deep nesting json", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"deep.tf.json": strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000)})
		}, "deep.tf.json"},
		{"dangling symlink", func(t *testing.T, dir string) {
			if err := os.Symlink(filepath.Join(dir, "missing.tf"), filepath.Join(dir, "link.tf")); err != nil {
				t.Skip(err)
			}
		}, "link.tf"},
		{"unreadable file", func(t *testing.T, dir string) {
			if os.Geteuid() == 0 {
				t.Skip("root reads any file")
			}
			writeFiles(t, dir, map[string]string{"secret.tf": bucketTF})
			if err := os.Chmod(filepath.Join(dir, "secret.tf"), 0); err != nil {
				t.Skip(err)
			}
		}, "secret.tf"},
		{"symlink loop", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
				t.Skip(err)
			}
			if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "self")); err != nil {
				t.Skip(err)
			}
		}, ""},
		{"self-calling module", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"self.tf": "module \"me\" {\n  source = \"./\"\n}\n"})
		}, "self.tf"},
		{"huge count", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"count.tf": "resource \"aws_instance\" \"x\" {\n  count = 1e15\n}\nresource \"aws_instance\" \"y\" {\n  count = -3\n}\n"})
		}, ""},
		{"exponential string", func(t *testing.T, dir string) {
			var b strings.Builder
			b.WriteString("locals {\n  a0 = \"0123456789012345678901234567890123456789\"\n")
			for i := 1; i <= 40; i++ {
				fmt.Fprintf(&b, "  a%d = \"${local.a%d}${local.a%d}\"\n", i, i-1, i-1)
			}
			b.WriteString("}\nresource \"aws_s3_bucket\" \"x\" {\n  bucket = local.a40\n}\n")
			writeFiles(t, dir, map[string]string{"big.tf": b.String()})
		}, ""},
		{"yaml alias bomb", func(t *testing.T, dir string) {
			bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
			for i := 'b'; i <= 'k'; i++ {
				prev := string(i - 1)
				bomb += fmt.Sprintf("%c: &%c [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev, prev)
			}
			writeFiles(t, dir, map[string]string{
				"bomb.yaml": bomb,
				"yaml.tf":   "locals {\n  y = yamldecode(file(\"${path.module}/bomb.yaml\"))\n}\nresource \"aws_s3_bucket\" \"y\" {\n  tags = local.y\n}\n",
			})
		}, ""},
		{"reference cycle", func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"cycle.tf": `
locals {
  a = local.b
  b = local.a
}
resource "aws_instance" "x" {
  ami = aws_instance.y.ami
}
resource "aws_instance" "y" {
  ami   = aws_instance.x.ami
  count = length(aws_instance.y)
}
`})
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"good.tf": bucketTF})
			tc.setup(t, dir)
			res := Load([]string{dir}, Options{WorkDir: dir})
			g := onlyGraph(t, res)
			resourceAt(t, g, "aws_s3_bucket.b") // the good file is still checked
			errs := diagSummaries(res, hcl.DiagError)
			if tc.errorIn == "" {
				if len(errs) > 0 {
					t.Errorf("unexpected errors: %v", errs)
				}
				return
			}
			if len(errs) == 0 {
				t.Fatal("no error diagnostic")
			}
			if !strings.HasPrefix(errs[0], tc.errorIn+":") {
				t.Errorf("error %q does not name %s", errs[0], tc.errorIn)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := corpus.Generate(dir, 8); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"broken/a.tf": "resource {", "broken/b.tf": "locals {", "broken/c.tf": "x = "})
	render := func() string {
		var buf bytes.Buffer
		res := Load([]string{dir}, Options{WorkDir: dir})
		for _, d := range res.Diags {
			fmt.Fprintln(&buf, d.Error())
		}
		for _, g := range res.Graphs {
			fmt.Fprintln(&buf, g.Root)
			for _, r := range g.Resources {
				fmt.Fprintln(&buf, r.Address, r.DeclRange)
				r.Body.AllAttributes(func(a *graph.Attribute) {
					fmt.Fprintf(&buf, "  %s %#v %v\n", a.Path, a.Value, refStrings(a))
				})
			}
		}
		return buf.String()
	}
	first := render()
	for i := 0; i < 3; i++ {
		if again := render(); again != first {
			t.Fatal("two loads of the same tree differ")
		}
	}
}

// Two roots calling one shared module evaluate it in parallel, each with its
// own inputs; the module is parsed once.
func TestSharedModuleAcrossRoots(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"shared/main.tf": "variable \"encrypted\" {}\nresource \"aws_ebs_volume\" \"v\" {\n  encrypted = var.encrypted\n  size      = length(var.encrypted ? \"yes\" : \"no\")\n}\n",
	}
	for i := 0; i < 8; i++ {
		files[fmt.Sprintf("root%d/main.tf", i)] = fmt.Sprintf("module \"s\" {\n  source    = \"../shared\"\n  encrypted = %v\n}\n", i%2 == 0)
	}
	writeFiles(t, dir, files)
	res := Load([]string{dir}, Options{WorkDir: dir})
	if len(res.Graphs) != 8 {
		t.Fatalf("roots = %v", rootsOf(res))
	}
	for i, g := range res.Graphs {
		v := resourceAt(t, g, "module.s.aws_ebs_volume.v")
		wantValue(t, g.Root+" encrypted", v.Attr("encrypted").Value, i%2 == 0)
		if v.DeclRange.Filename != "shared/main.tf" {
			t.Errorf("file %q", v.DeclRange.Filename)
		}
	}
}

// A plan larger than the HCL file limit is still recognised and loaded.
func TestLoadLargePlanPath(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large plan")
	}
	path, data := planWriteSynthetic(t, 40000)
	if len(data) <= maxFileSize {
		t.Fatalf("plan is only %d bytes", len(data))
	}
	res := Load([]string{path}, Options{WorkDir: filepath.Dir(path)})
	if errs := diagSummaries(res, hcl.DiagError); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(res.Graphs) != 1 || len(res.Graphs[0].Resources) != 40000 {
		t.Fatalf("graphs = %d", len(res.Graphs))
	}
}

func TestProblemInSharedModuleReportedOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"shared/main.tf": "module \"gone\" {\n  source = \"./missing\"\n}\n",
		"a/main.tf":      "module \"s\" {\n  source = \"../shared\"\n}\n",
		"b/main.tf":      "module \"s\" {\n  source = \"../shared\"\n}\n",
	})
	res := Load([]string{dir}, Options{WorkDir: dir})
	errs := diagSummaries(res, hcl.DiagError)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "shared/main.tf:2,3-23: module \"gone\"") {
		t.Errorf("errors = %v", errs)
	}
	if len(res.Graphs) != 2 {
		t.Errorf("roots = %v", rootsOf(res))
	}
}
