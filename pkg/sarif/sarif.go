// Package sarif writes findings as SARIF 2.1.0 shaped for GitHub code scanning.
//
// It imports pkg/report for Input and the shared helpers; the format registry
// (pkg/report/formats) imports both, so imports stay one-way.
package sarif

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/report"
)

const (
	schemaURI      = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	toolName       = "tflint-hipaa"
	informationURI = "https://github.com/tflint-hipaa/tflint-hipaa"
	helpURIPrefix  = "https://github.com/tflint-hipaa/tflint-hipaa/blob/main/docs/rules/"
	// automationID is the same for every run, so a new upload replaces the last.
	automationID = "tflint-hipaa/"
	srcRoot      = "%SRCROOT%"
	// LineHashKey is GitHub's own partialFingerprints key.
	LineHashKey = "primaryLocationLineHash"
	// maxDescription is GitHub's limit on rule descriptions.
	maxDescription = 1024
)

type log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []run  `json:"runs"`
}

type run struct {
	Tool               tool                     `json:"tool"`
	Invocations        []invocation             `json:"invocations"`
	OriginalURIBaseIDs map[string]artifactOrURI `json:"originalUriBaseIds"`
	AutomationDetails  automationDetails        `json:"automationDetails"`
	ColumnKind         string                   `json:"columnKind"`
	Results            []result                 `json:"results"`
}

type tool struct {
	Driver driver `json:"driver"`
}

type driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri"`
	Rules          []rule `json:"rules"`
}

type rule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     text           `json:"shortDescription"`
	FullDescription      text           `json:"fullDescription"`
	Help                 help           `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration configuration  `json:"defaultConfiguration"`
	Properties           ruleProperties `json:"properties"`
}

type text struct {
	Text string `json:"text"`
}

type help struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type configuration struct {
	Level string `json:"level"`
}

type ruleProperties struct {
	Tags []string `json:"tags"`
	// SecuritySeverity is a string: GitHub reads "9.5", not 9.5.
	SecuritySeverity string `json:"security-severity"`
	Precision        string `json:"precision"`
}

type invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []notification `json:"toolExecutionNotifications,omitempty"`
}

type notification struct {
	Level     string     `json:"level"`
	Message   text       `json:"message"`
	Locations []location `json:"locations,omitempty"`
}

type artifactOrURI struct {
	URI         string `json:"uri,omitempty"`
	Description *text  `json:"description,omitempty"`
}

type automationDetails struct {
	ID string `json:"id"`
}

type result struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             text              `json:"message"`
	Locations           []location        `json:"locations"`
	RelatedLocations    []location        `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []suppression     `json:"suppressions,omitempty"`
}

type location struct {
	ID               *int              `json:"id,omitempty"`
	PhysicalLocation *physicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []logicalLocation `json:"logicalLocations,omitempty"`
	Message          *text             `json:"message,omitempty"`
}

type physicalLocation struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Region           *region          `json:"region,omitempty"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type logicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type suppression struct {
	Kind          string    `json:"kind"`
	Status        string    `json:"status"`
	Justification string    `json:"justification,omitempty"`
	Location      *location `json:"location,omitempty"`
}

// Write writes in as one SARIF 2.1.0 log with one run.
func Write(w io.Writer, in *report.Input) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(build(in))
}

func build(in *report.Input) *log {
	rules := in.SortedRules()
	ruleIndex := map[string]int{}
	for i, r := range rules {
		ruleIndex[r.ID] = i
	}
	shown := in.Shown()
	// A finding of a rule missing from Input.Rules still needs a valid
	// ruleIndex, so such rules get a minimal descriptor.
	var extra []string
	for _, f := range shown {
		if _, ok := ruleIndex[f.RuleID]; !ok {
			ruleIndex[f.RuleID] = -1
			extra = append(extra, f.RuleID)
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		ruleIndex[id] = len(rules)
		rules = append(rules, &policies.Rule{ID: id, Title: id, Severity: policies.Medium})
	}

	driverRules := make([]rule, 0, len(rules))
	for _, r := range rules {
		driverRules = append(driverRules, describe(r))
	}

	b := &builder{in: in, lineHashes: map[string]*lineHashTable{}}
	results := make([]result, 0, len(shown))
	for i := range shown {
		results = append(results, b.result(&shown[i], ruleIndex[shown[i].RuleID]))
	}

	return &log{
		Schema:  schemaURI,
		Version: "2.1.0",
		Runs: []run{{
			Tool: tool{Driver: driver{
				Name:           toolName,
				Version:        in.Version,
				InformationURI: informationURI,
				Rules:          driverRules,
			}},
			Invocations:        []invocation{b.invocation()},
			OriginalURIBaseIDs: map[string]artifactOrURI{srcRoot: srcRootBase(in.WorkDir)},
			AutomationDetails:  automationDetails{ID: automationID},
			// hcl counts columns in characters, not UTF-16 units (SARIF's default).
			ColumnKind: "unicodeCodePoints",
			Results:    results,
		}},
	}
}

// describe turns a rule into a reportingDescriptor with everything GitHub
// shows: names, descriptions, help with the fix and citations, and the
// security severity it ranks alerts by.
func describe(r *policies.Rule) rule {
	title := strings.TrimSpace(r.Title)
	if title == "" {
		title = r.ID
	}
	full := strings.TrimSpace(r.Description)
	if full == "" {
		full = title
	}
	tags := []string{"security", "hipaa"}
	if r.Service != "" {
		tags = append(tags, r.Service)
	}
	return rule{
		ID:                   r.ID,
		Name:                 pascalCase(r.ID),
		ShortDescription:     text{Text: truncate(title, maxDescription)},
		FullDescription:      text{Text: truncate(full, maxDescription)},
		Help:                 ruleHelp(r, full),
		HelpURI:              helpURIPrefix + url.PathEscape(r.ID) + ".md",
		DefaultConfiguration: configuration{Level: level(r.Severity)},
		Properties: ruleProperties{
			Tags:             tags,
			SecuritySeverity: securitySeverity(r.Severity),
			Precision:        "very-high",
		},
	}
}

func ruleHelp(r *policies.Rule, full string) help {
	var txt, md strings.Builder
	txt.WriteString(full)
	md.WriteString(full)
	if r.Section != "" {
		txt.WriteString("\n\nWhitepaper section: " + r.Section)
		md.WriteString("\n\n**Whitepaper section:** " + r.Section)
	}
	if fix := strings.TrimSpace(r.Remediation); fix != "" {
		txt.WriteString("\n\nFix: " + fix)
		md.WriteString("\n\n**Fix:** " + fix)
	}
	if len(r.Citations) > 0 {
		txt.WriteString("\n\nHIPAA Security Rule: " + strings.Join(r.Citations, "; "))
		md.WriteString("\n\n**HIPAA Security Rule:**\n")
		for _, c := range r.Citations {
			md.WriteString("\n- " + c)
		}
	}
	return help{Text: txt.String(), Markdown: md.String()}
}

// level maps a severity to a SARIF level: GitHub fails checks on "error".
func level(s policies.Severity) string {
	switch s {
	case policies.Critical, policies.High:
		return "error"
	case policies.Medium:
		return "warning"
	}
	return "note"
}

func securitySeverity(s policies.Severity) string {
	switch s {
	case policies.Critical:
		return "9.5"
	case policies.High:
		return "8.0"
	case policies.Medium:
		return "5.5"
	}
	return "3.0"
}

// pascalCase turns "aws-rds-storage-encrypted" into "AwsRdsStorageEncrypted".
func pascalCase(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const ellipsis = "…"
	cut := n - len(ellipsis)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + ellipsis
}

type builder struct {
	in *report.Input
	// lineHashes caches the line hash table per file name.
	lineHashes map[string]*lineHashTable
}

func (b *builder) result(f *policies.Finding, ruleIndex int) result {
	res := result{
		RuleID:    f.RuleID,
		RuleIndex: ruleIndex,
		Level:     level(f.Severity),
		Message:   text{Text: report.Message(f)},
		PartialFingerprints: map[string]string{
			policies.FingerprintKey: policies.Fingerprint(f),
		},
	}
	if f.Undetermined {
		res.Level = "note"
	}
	file := f.Range.Filename
	rng := f.Range
	if file == "" {
		// A finding with no place at all still needs a file for GitHub:
		// the plan file or module it came from, line 1.
		file = f.Root
		rng = hcl.Range{Filename: file}
	}
	primary := location{LogicalLocations: []logicalLocation{{FullyQualifiedName: f.Address, Kind: "resource"}}}
	if file != "" {
		primary.PhysicalLocation = b.physical(file, rng)
		if h := b.lineHash(file, clampLine(rng.Start.Line)); h != "" {
			res.PartialFingerprints[LineHashKey] = h
		}
	}
	res.Locations = []location{primary}
	for i, call := range f.ModuleCalls {
		if call.DeclRange.Filename == "" {
			continue
		}
		id := i + 1
		res.RelatedLocations = append(res.RelatedLocations, location{
			ID:               &id,
			PhysicalLocation: b.physical(call.DeclRange.Filename, call.DeclRange),
			Message:          &text{Text: "module call " + call.Address},
		})
	}
	if s := f.Suppression; s != nil {
		sup := suppression{Kind: s.Kind, Status: "accepted", Justification: s.Reason}
		if sup.Kind != "inSource" {
			sup.Kind = "external"
		}
		if sup.Kind == "inSource" && s.Range.Filename != "" {
			sup.Location = &location{PhysicalLocation: b.physical(s.Range.Filename, s.Range)}
		}
		res.Suppressions = []suppression{sup}
	}
	return res
}

func (b *builder) physical(file string, rng hcl.Range) *physicalLocation {
	return &physicalLocation{ArtifactLocation: b.artifact(file), Region: sarifRegion(rng)}
}

// artifact gives a URI relative to %SRCROOT% (the working directory) with
// forward slashes and percent-encoded segments, as GitHub matches it against
// repository paths; a file outside it gets an absolute file URI.
func (b *builder) artifact(file string) artifactLocation {
	rel, ok := b.in.RelPath(file)
	inside := ok && rel != ".." && !strings.HasPrefix(rel, "../")
	if inside {
		return artifactLocation{URI: escapePath(rel), URIBaseID: srcRoot}
	}
	abs := file
	if !filepath.IsAbs(abs) && filepath.IsAbs(b.in.WorkDir) {
		abs = filepath.Join(b.in.WorkDir, file)
	}
	if !filepath.IsAbs(abs) {
		// No absolute form to give: the relative one is the best left.
		return artifactLocation{URI: escapePath(rel), URIBaseID: srcRoot}
	}
	return artifactLocation{URI: fileURI(filepath.ToSlash(filepath.Clean(abs)))}
}

func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func fileURI(abs string) string {
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // a Windows drive path: C:/x → /C:/x
	}
	return "file://" + escapePath(abs)
}

// srcRootBase declares %SRCROOT% as the working directory.
func srcRootBase(workDir string) artifactOrURI {
	if workDir == "" || !filepath.IsAbs(workDir) {
		return artifactOrURI{Description: &text{Text: "The directory tflint-hipaa ran in."}}
	}
	u := fileURI(filepath.ToSlash(filepath.Clean(workDir)))
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return artifactOrURI{URI: u}
}

func clampLine(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// sarifRegion turns an hcl range into a SARIF region. SARIF is 1-based and
// GitHub rejects zeros, which a plan-file fallback range may hold; an end
// before the start becomes the start.
func sarifRegion(rng hcl.Range) *region {
	r := &region{
		StartLine:   clampLine(rng.Start.Line),
		StartColumn: clampLine(rng.Start.Column),
		EndLine:     clampLine(rng.End.Line),
		EndColumn:   clampLine(rng.End.Column),
	}
	if r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) {
		r.EndLine, r.EndColumn = r.StartLine, r.StartColumn
	}
	return r
}

func (b *builder) lineHash(file string, line int) string {
	table, ok := b.lineHashes[file]
	if !ok {
		if src, found := b.in.Files[file]; found {
			table = hashLines(src)
		}
		b.lineHashes[file] = table
	}
	if table == nil {
		return ""
	}
	return table.at(line)
}

// invocation reports whether the run succeeded and carries load and parse
// diagnostics as notifications, so GitHub shows why files were skipped.
func (b *builder) invocation() invocation {
	inv := invocation{ExecutionSuccessful: !b.in.Diags.HasErrors()}
	for _, d := range b.in.Diags {
		if d == nil {
			continue
		}
		n := notification{Level: "warning", Message: text{Text: report.DiagMessage(d)}}
		if d.Severity == hcl.DiagError {
			n.Level = "error"
		}
		if d.Subject != nil && d.Subject.Filename != "" {
			n.Locations = []location{{PhysicalLocation: b.physical(d.Subject.Filename, *d.Subject)}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}
