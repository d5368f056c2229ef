// Command tflint-hipaa checks AWS Terraform against the HIPAA safeguards of
// AWS's whitepaper "Architecting for HIPAA Security and Compliance on Amazon Web Services".
//
// It is thin on purpose: flags → config → load → rules → suppression → writers → exit code.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hashicorp/hcl/v2"
	"github.com/mattn/go-isatty"

	"github.com/tflint-hipaa/tflint-hipaa/internal/gcpolicy"
	"github.com/tflint-hipaa/tflint-hipaa/internal/version"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/parser"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report/formats"
)

// Exit codes of CLI.md.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	// Here and not in run: the collector setting is the process's, and tests
	// calling run share theirs.
	gcpolicy.Apply()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Environ()))
}

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer, env []string) (code int) {
	defer func() {
		// A bug must never show users a stack trace; it is an error with a
		// one-line reason and exit 2.
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "tflint-hipaa: internal error: %v (please report this)\n", v)
			code = exitError
		}
	}()
	var f cliFlags
	fs := newFlagSet(&f, stderr)
	paths, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if f.version {
		fmt.Fprintln(stdout, version.Get().String())
		return exitOK
	}
	outs, err := parseOutputs(f.formats)
	if err != nil {
		return fail(stderr, err)
	}
	for _, o := range outs {
		if _, ok := formats.Lookup(o.format); !ok && !(f.listRules && o.format == "json") {
			return fail(stderr, fmt.Errorf("unknown format %q (want one of %v)", o.format, formats.Formats()))
		}
	}

	settings, err := resolveSettings(&f, env)
	if err != nil {
		return fail(stderr, err)
	}
	if f.listRules {
		return listRules(stdout, settings.rules, outs)
	}
	if f.explain != "" {
		rule := policies.ByID(f.explain)
		if rule == nil {
			return fail(stderr, fmt.Errorf("--explain: unknown rule id %q (see --list-rules)", f.explain))
		}
		fmt.Fprint(stdout, policies.Doc(rule))
		return exitOK
	}

	if len(paths) == 0 {
		paths = []string{"."}
	}
	res := parser.Load(paths, parser.Options{
		Vars:        f.vars,
		VarFiles:    f.varFiles,
		Env:         env,
		Exclude:     settings.exclude,
		PlanSources: f.chdir,
	})
	findings, runDiags := policies.Run(res.Graphs, settings.rules, policies.RunOptions{
		Profile:     settings.profile,
		RuleOptions: settings.ruleOptions,
	})
	diags := append(res.Diags, runDiags...)
	notes, supDiags := applySuppressions(settings, res, findings)
	diags = append(diags, supDiags...)

	in := &report.Input{
		Findings:    findings,
		Rules:       settings.rules,
		Diags:       diags,
		Files:       res.Files,
		Strict:      settings.strict,
		Version:     version.Get().Version,
		WorkDir:     workDir(),
		MinSeverity: settings.minSeverity,
		Quiet:       f.quiet,
		Notes:       notes,
	}
	printDiags(stderr, diags, outs, f.quiet)
	if code := writeOutputs(outs, in, stdout, stderr, f.noColor, env); code != exitOK {
		return code
	}
	if diags.HasErrors() {
		return exitError
	}
	if settings.softFail {
		return exitOK
	}
	for _, fd := range findings {
		if fd.Suppressed() || fd.Undetermined || fd.Severity < settings.failOn || fd.Severity < settings.minSeverity {
			continue
		}
		return exitFindings
	}
	return exitOK
}

func writeOutputs(outs []output, in *report.Input, stdout, stderr io.Writer, noColor bool, env []string) int {
	for _, o := range outs {
		write, _ := formats.Lookup(o.format)
		var w io.Writer = stdout
		var file *os.File
		color := false
		if o.file != "" {
			var err error
			file, err = os.Create(o.file)
			if err != nil {
				return fail(stderr, err)
			}
			w = file
		} else if o.format == "text" {
			color = !noColor && !hasEnv(env, "NO_COLOR") && isTerminal(stdout)
		}
		in.Color = color
		err := write(w, in)
		if file != nil {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fail(stderr, fmt.Errorf("writing %s: %w", o.format, err))
		}
	}
	return exitOK
}

// printDiags puts errors and warnings on stderr, unless text output on stdout
// already shows them; scripts reading JSON or SARIF from stdout still see why
// the run failed.
func printDiags(stderr io.Writer, diags hcl.Diagnostics, outs []output, quiet bool) {
	for _, o := range outs {
		if o.format == "text" && o.file == "" {
			return
		}
	}
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			if !quiet {
				fmt.Fprintf(stderr, "tflint-hipaa: warning: %s\n", diagText(d))
			}
			continue
		}
		fmt.Fprintf(stderr, "tflint-hipaa: error: %s\n", diagText(d))
	}
}

// diagText is a diagnostic with its place, redacted like every output.
func diagText(d *hcl.Diagnostic) string {
	msg := report.DiagMessage(d)
	if d.Subject != nil && d.Subject.Filename != "" {
		return fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, msg)
	}
	return msg
}

// workDir is the absolute working directory SARIF declares as %SRCROOT%; "" if unknown.
func workDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return wd
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

func hasEnv(env []string, name string) bool {
	for _, kv := range env {
		if len(kv) > len(name) && kv[:len(name)+1] == name+"=" && kv[len(name)+1:] != "" {
			return true
		}
	}
	return false
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "tflint-hipaa: %v\n", err)
	return exitError
}
