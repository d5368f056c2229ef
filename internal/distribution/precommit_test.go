package distribution

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const nonCompliantTF = `resource "aws_db_instance" "main" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
`

const fixedTF = `resource "aws_db_instance" "main" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}
`

// TestPreCommitHook runs the real pre-commit against a throw-away repository
// whose config points at this repository's HEAD: the hook builds the linter
// with `go install`, fails on a non-compliant .tf with our message, and
// passes after the fix.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the pre-commit run (it builds the linter)")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (Debian: apt-get install pre-commit); .ci/run installs it")
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	head := gitOut(t, root, "rev-parse", "HEAD")
	if head == "" {
		t.Skip("not a git checkout")
	}

	work := t.TempDir()
	home := t.TempDir()
	gitOut(t, work, "init", "-q")
	config := "repos:\n" +
		"  - repo: " + root + "\n" +
		"    rev: " + head + "\n" +
		"    hooks:\n" +
		"      - id: tflint-hipaa\n" +
		"        args: [--no-color, --only, aws-rds-storage-encrypted]\n"
	write(t, filepath.Join(work, ".pre-commit-config.yaml"), config)
	write(t, filepath.Join(work, "db", "main.tf"), nonCompliantTF)
	write(t, filepath.Join(work, "README.md"), "not terraform\n")
	gitOut(t, work, "add", "-A")

	env := append(os.Environ(), "PRE_COMMIT_HOME="+home, "PRE_COMMIT_COLOR=never")
	if cache := goEnv(t, "GOMODCACHE"); cache != "" {
		// The hook's private GOPATH would download every module again.
		env = append(env, "GOMODCACHE="+cache)
	}
	runHook := func() (string, error) {
		cmd := exec.Command(preCommit, "run", "--all-files")
		cmd.Dir = work
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := runHook()
	t.Logf("pre-commit, non-compliant:\n%s", out)
	if err == nil {
		t.Fatal("the hook passed on an unencrypted database")
	}
	for _, want := range []string{"tflint-hipaa", "Failed", "aws-rds-storage-encrypted", "db/main.tf:4:3", "storage_encrypted is false"} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q", want)
		}
	}

	write(t, filepath.Join(work, "db", "main.tf"), fixedTF)
	gitOut(t, work, "add", "-A")
	out, err = runHook()
	t.Logf("pre-commit, fixed:\n%s", out)
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("the hook should pass after the fix (err %v)", err)
	}
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.email=ci@example.invalid", "-c", "user.name=ci"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func goEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOnlyOneMainPackage: pre-commit's golang hooks `go install ./...`, so
// every main package in the repository would be installed on users' machines.
func TestOnlyOneMainPackage(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", "{{if eq .Name \"main\"}}{{.ImportPath}}{{end}}", "./...")
	cmd.Dir = repoRoot
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	mains := strings.Fields(string(out))
	if len(mains) != 1 || mains[0] != "github.com/tflint-hipaa/tflint-hipaa/cmd/tflint-hipaa" {
		t.Errorf("main packages: %v; want only cmd/tflint-hipaa", mains)
	}
}
