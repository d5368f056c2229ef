// Package sarif writes findings as SARIF 2.1.0 shaped for GitHub code scanning.
//
// It imports pkg/report for Input and the shared helpers; the format registry
// (pkg/report/formats) imports both, so imports stay one-way.
package sarif

import (
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
	RuleID              string        `json:"ruleId"`
	RuleIndex           int           `json:"ruleIndex"`
	Level               string        `json:"level"`
	Message             text          `json:"message"`
	Locations           []location    `json:"locations"`
	RelatedLocations    []location    `json:"relatedLocations,omitempty"`
	PartialFingerprints fingerprints  `json:"partialFingerprints"`
	Suppressions        []suppression `json:"suppressions,omitempty"`
}

// fingerprints are a result's partialFingerprints. A struct, not a map, saves
// a map per result; the fields are in key order, as encoding/json writes a
// map, and TestFingerprintKeys holds the tags to LineHashKey and
// policies.FingerprintKey.
type fingerprints struct {
	LineHash string `json:"primaryLocationLineHash,omitempty"`
	ID       string `json:"tflintHipaa/v1"`
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
//
// The bytes are those json.Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) gives for build(in), but the log is never held as one
// document: the envelope is encoded alone and the results are streamed after
// it, encoded in parallel chunks and written in order (see stream.go).
func Write(w io.Writer, in *report.Input) error {
	return prepare(in).write(w)
}

// build gives the whole log as one value. Write streams the same content;
// build is what the tests hold its bytes to.
func build(in *report.Input) *log {
	p := prepare(in)
	doc := p.envelope()
	b := p.builder.fork()
	results := make([]result, 0, len(p.shown))
	for i := range p.shown {
		results = append(results, b.result(&p.shown[i], p.ruleIndex[p.shown[i].RuleID]))
	}
	doc.Runs[0].Results = results
	return doc
}

// prepared is everything a log needs before its results are built: the
// driver rules with their indexes, the findings shown, and a builder whose
// line-hash tables are already computed.
type prepared struct {
	in          *report.Input
	driverRules []rule
	ruleIndex   map[string]int
	shown       []policies.Finding
	builder     *builder
}

func prepare(in *report.Input) *prepared {
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

	b := &builder{in: in}
	b.hashFiles(shown)
	return &prepared{in: in, driverRules: driverRules, ruleIndex: ruleIndex, shown: shown, builder: b}
}

// envelope is the log with every result left out (results: []).
func (p *prepared) envelope() *log {
	in := p.in
	return &log{
		Schema:  schemaURI,
		Version: "2.1.0",
		Runs: []run{{
			Tool: tool{Driver: driver{
				Name:           toolName,
				Version:        in.Version,
				InformationURI: informationURI,
				Rules:          p.driverRules,
			}},
			Invocations:        []invocation{p.builder.fork().invocation()},
			OriginalURIBaseIDs: map[string]artifactOrURI{srcRoot: srcRootBase(in.WorkDir)},
			AutomationDetails:  automationDetails{ID: automationID},
			// hcl counts columns in characters, not UTF-16 units (SARIF's default).
			ColumnKind: "unicodeCodePoints",
			Results:    []result{},
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
	// lineHashes holds the line hash table of every file with a known
	// source that a shown finding names, computed up front (hashFiles) and
	// only read afterwards, so forks share it across goroutines.
	lineHashes map[string]*lineHashTable
	// artifacts caches artifact locations by file name; it belongs to one
	// goroutine, so each fork gets its own.
	artifacts map[string]artifactLocation
}

// fork gives a builder for one goroutine: the same input and line hashes,
// its own caches.
func (b *builder) fork() *builder {
	return &builder{in: b.in, lineHashes: b.lineHashes, artifacts: map[string]artifactLocation{}}
}

// primaryPlace is the file and range a finding's primary location points at.
func primaryPlace(f *policies.Finding) (string, hcl.Range) {
	if f.Range.Filename == "" {
		// A finding with no place at all still needs a file for GitHub:
		// the plan file or module it came from, line 1.
		return f.Root, hcl.Range{Filename: f.Root}
	}
	return f.Range.Filename, f.Range
}

// hashFiles computes the line hash tables of the files the shown findings
// point at, in parallel. Each table stops at the last line a finding asks
// for: a line's occurrence count depends only on the lines before it.
func (b *builder) hashFiles(shown []policies.Finding) {
	lastLine := map[string]int{}
	for i := range shown {
		file, rng := primaryPlace(&shown[i])
		if file == "" {
			continue
		}
		if _, found := b.in.Files[file]; !found {
			continue
		}
		lastLine[file] = max(lastLine[file], clampLine(rng.Start.Line))
	}
	files := make([]string, 0, len(lastLine))
	for file := range lastLine {
		files = append(files, file)
	}
	// Largest first, so no worker is left with a big file at the end.
	sort.Slice(files, func(i, j int) bool {
		if li, lj := len(b.in.Files[files[i]]), len(b.in.Files[files[j]]); li != lj {
			return li > lj
		}
		return files[i] < files[j]
	})
	tables := make([]*lineHashTable, len(files))
	parallel(len(files), func(i int) {
		tables[i] = hashLinesUpTo(b.in.Files[files[i]], lastLine[files[i]])
	})
	b.lineHashes = make(map[string]*lineHashTable, len(files))
	for i, file := range files {
		b.lineHashes[file] = tables[i]
	}
}

// resultParts are the pieces of a result's primary location, allocated as
// one: every result has exactly one of each.
type resultParts struct {
	locations [1]location
	logical   [1]logicalLocation
	place     place
}

// place is a physical location with its region, allocated as one.
type place struct {
	physical physicalLocation
	region   region
}

func (b *builder) result(f *policies.Finding, ruleIndex int) result {
	res := result{
		RuleID:              f.RuleID,
		RuleIndex:           ruleIndex,
		Level:               level(f.Severity),
		Message:             text{Text: report.Message(f)},
		PartialFingerprints: fingerprints{ID: policies.Fingerprint(f)},
	}
	if f.Undetermined {
		res.Level = "note"
	}
	parts := new(resultParts)
	parts.logical[0] = logicalLocation{FullyQualifiedName: f.Address, Kind: "resource"}
	primary := &parts.locations[0]
	primary.LogicalLocations = parts.logical[:]
	file, rng := primaryPlace(f)
	if file != "" {
		primary.PhysicalLocation = b.fill(&parts.place, file, rng)
		res.PartialFingerprints.LineHash = b.lineHash(file, clampLine(rng.Start.Line))
	}
	res.Locations = parts.locations[:]
	if calls := f.ModuleCalls; len(calls) > 0 {
		ids := make([]int, len(calls))
		messages := make([]text, len(calls))
		for i, call := range calls {
			if call.DeclRange.Filename == "" {
				continue
			}
			if res.RelatedLocations == nil {
				res.RelatedLocations = make([]location, 0, len(calls)-i)
			}
			ids[i] = i + 1
			messages[i] = text{Text: "module call " + call.Address}
			res.RelatedLocations = append(res.RelatedLocations, location{
				ID:               &ids[i],
				PhysicalLocation: b.physical(call.DeclRange.Filename, call.DeclRange),
				Message:          &messages[i],
			})
		}
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
	return b.fill(new(place), file, rng)
}

// fill sets p to file and rng and returns its physical location.
func (b *builder) fill(p *place, file string, rng hcl.Range) *physicalLocation {
	p.region = sarifRegion(rng)
	p.physical = physicalLocation{ArtifactLocation: b.artifact(file), Region: &p.region}
	return &p.physical
}

// artifact gives a URI relative to %SRCROOT% (the working directory) with
// forward slashes and percent-encoded segments, as GitHub matches it against
// repository paths; a file outside it gets an absolute file URI.
func (b *builder) artifact(file string) artifactLocation {
	if a, ok := b.artifacts[file]; ok {
		return a
	}
	a := b.newArtifact(file)
	if b.artifacts != nil {
		b.artifacts[file] = a
	}
	return a
}

func (b *builder) newArtifact(file string) artifactLocation {
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
func sarifRegion(rng hcl.Range) region {
	r := region{
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
	if table := b.lineHashes[file]; table != nil {
		return table.at(line)
	}
	return ""
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
