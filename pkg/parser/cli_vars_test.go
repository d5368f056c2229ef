package parser

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// cliVarsTF declares one variable of each kind and uses each in a resource,
// so evaluation asks for every value.
const cliVarsTF = `variable "subnets" {
  type = list(string)
}

variable "size" {
  type = number
}

variable "name" {
  type = string
}

variable "anything" {}

resource "aws_instance" "x" {
  subnet_id     = var.subnets[0]
  instance_type = var.name
  ami           = var.anything
  count         = var.size
}
`

// A --var or TF_VAR_ value that Terraform would reject is an error naming
// where it came from, not an unknown value that quietly weakens the checks.
func TestMalformedCommandLineVarsAreErrors(t *testing.T) {
	cases := []struct {
		name    string
		vars    []string
		env     []string
		wantErr string // "" for no error
		check   func(t *testing.T, res *Result)
	}{
		{name: "list that does not parse", vars: []string{"subnets=[1,", "size=1", "name=a", "anything=b"},
			wantErr: `--var "subnets": invalid value: a list of string is required`},
		{name: "number that is text", vars: []string{`subnets=["s"]`, "size=abc", "name=a", "anything=b"},
			wantErr: `--var "size": invalid value: a number is required`},
		{name: "from the environment", env: []string{"TF_VAR_subnets=[1,"}, vars: []string{"size=1", "name=a", "anything=b"},
			wantErr: `TF_VAR_subnets: invalid value: a list of string is required`},
		{name: "well-formed values", vars: []string{`subnets=["subnet-1"]`, "size=2", "name=t3.micro", "anything=ami-1"},
			check: func(t *testing.T, res *Result) {
				g := onlyGraph(t, res)
				r := resourceAt(t, g, "aws_instance.x[1]")
				if s, ok := r.Attr("subnet_id").String(); !ok || s != "subnet-1" {
					t.Errorf("subnet_id = %q, %v; want subnet-1", s, ok)
				}
				if s, ok := r.Attr("ami").String(); !ok || s != "ami-1" {
					t.Errorf("ami = %q, %v; want ami-1 (an untyped variable takes text as it is)", s, ok)
				}
			}},
		{name: "string variables take any text", vars: []string{`subnets=["s"]`, "size=1", "name=[1,", "anything=[1,"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"main.tf": cliVarsTF})
			res := Load([]string{dir}, Options{WorkDir: dir, Vars: tc.vars, Env: tc.env})
			errs := diagSummaries(res, hcl.DiagError)
			if tc.wantErr == "" {
				if len(errs) > 0 {
					t.Errorf("unexpected errors: %v", errs)
				}
			} else if len(errs) != 1 || !strings.Contains(errs[0], tc.wantErr) {
				t.Errorf("errors %v, want exactly one containing %q", errs, tc.wantErr)
			}
			if tc.check != nil {
				tc.check(t, res)
			}
		})
	}
}

// Two roots declaring the same variable report one bad --var once.
func TestMalformedVarReportedOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a/main.tf": cliVarsTF, "b/main.tf": cliVarsTF})
	res := Load([]string{dir}, Options{WorkDir: dir, Vars: []string{"subnets=[1,", "size=1", "name=a", "anything=b"}})
	if errs := diagSummaries(res, hcl.DiagError); len(errs) != 1 {
		t.Errorf("errors %v, want the bad --var once", errs)
	}
}

func TestInternalErrorDetailHasNoStackUnlessDebugging(t *testing.T) {
	if d := internalErrorDetail(nil); strings.Contains(d, "goroutine") || strings.Contains(d, ".go:") {
		t.Errorf("users would see a stack trace: %q", d)
	}
	if d := internalErrorDetail([]string{"TFLINT_HIPAA_DEBUG=1"}); !strings.Contains(d, "goroutine") {
		t.Errorf("TFLINT_HIPAA_DEBUG=1 should keep the stack for developers, got %q", d)
	}
}
