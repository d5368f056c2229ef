package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// multiFlag is a repeatable string flag (--var, --format, --enable ...).
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// cliFlags holds every flag of CLI.md.
type cliFlags struct {
	formats     multiFlag
	configFile  string
	profile     string
	enable      multiFlag
	disable     multiFlag
	only        multiFlag
	minSeverity string
	failOn      string
	softFail    bool
	strict      bool
	varFiles    multiFlag
	vars        multiFlag
	exclude     multiFlag
	baseline    string
	writeBase   string
	noColor     bool
	quiet       bool
	listRules   bool
	explain     string
	version     bool
	chdir       string
}

func newFlagSet(f *cliFlags, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tflint-hipaa", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(&f.formats, "format", "output `FORMAT[=FILE]`: text, json, sarif, junit, checkstyle, markdown (repeatable)")
	fs.Var(&f.formats, "f", "shorthand for --format")
	fs.StringVar(&f.configFile, "config", "", "config `FILE` (default .tflint-hipaa.hcl if present)")
	fs.StringVar(&f.profile, "profile", "", "`NAME`: whitepaper (default) or current")
	fs.Var(&f.enable, "enable", "enable rule `ID` (repeatable)")
	fs.Var(&f.disable, "disable", "disable rule `ID` (repeatable)")
	fs.Var(&f.only, "only", "run only rule `ID` (repeatable)")
	fs.StringVar(&f.minSeverity, "min-severity", "", "hide findings below `SEV` (low, medium, high, critical)")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 1 only for findings at or above `SEV` (default low)")
	fs.BoolVar(&f.softFail, "soft-fail", false, "exit 0 even with findings (errors still exit 2)")
	fs.BoolVar(&f.strict, "strict", false, "also report checks whose outcome depends on values unknown before apply")
	fs.Var(&f.varFiles, "var-file", "variables `FILE`, as terraform (repeatable)")
	fs.Var(&f.vars, "var", "variable `NAME=VALUE`, as terraform (repeatable)")
	fs.Var(&f.exclude, "exclude", "skip paths matching `GLOB` (repeatable)")
	fs.StringVar(&f.baseline, "baseline", "", "ignore findings recorded in `FILE`")
	fs.StringVar(&f.writeBase, "write-baseline", "", "record the current findings in `FILE`")
	fs.BoolVar(&f.noColor, "no-color", false, "no colors in text output")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but findings and errors")
	fs.BoolVar(&f.listRules, "list-rules", false, "list every rule: id, severity, title, citation")
	fs.StringVar(&f.explain, "explain", "", "print the documentation of rule `ID`")
	fs.BoolVar(&f.version, "version", false, "print version, commit and date")
	fs.StringVar(&f.chdir, "chdir", "", "look for .tf sources of a plan in `DIR`")
	return fs
}

// parseArgs parses flags and positional paths in any order, as users of
// tflint and trivy expect (`tflint-hipaa . --format sarif`).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if rest[0] == "--" {
			return append(paths, rest[1:]...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// output is one --format: a writer name and a file ("" for stdout).
type output struct {
	format string
	file   string
}

func parseOutputs(specs []string) ([]output, error) {
	if len(specs) == 0 {
		return []output{{format: "text"}}, nil
	}
	var outs []output
	stdout := 0
	for _, s := range specs {
		o := output{format: s}
		if i := strings.IndexByte(s, '='); i >= 0 {
			o.format, o.file = s[:i], s[i+1:]
			if o.file == "" {
				return nil, fmt.Errorf("--format %s: empty file name after =", s)
			}
		}
		if o.file == "" {
			stdout++
		}
		outs = append(outs, o)
	}
	if stdout > 1 {
		return nil, fmt.Errorf("only one --format may write to stdout; give the others =FILE")
	}
	return outs, nil
}
