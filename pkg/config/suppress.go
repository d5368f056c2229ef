package config

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/tflint-hipaa/tflint-hipaa/internal/nesting"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// IgnoreMarker starts an inline suppression inside a comment.
const IgnoreMarker = "tflint-hipaa:ignore"

const expMarker = ":exp:"

// dateLayout is the :exp: date format.
const dateLayout = "2006-01-02"

// Directive is one `tflint-hipaa:ignore:ID[,ID][:exp:DATE] reason` found in a comment.
type Directive struct {
	RuleIDs []string
	// Expires is the :exp: date as written (YYYY-MM-DD), "" for none.
	Expires string
	Reason  string
	// Range is the comment holding the directive.
	Range hcl.Range
	// Target is the source item the directive covers: the attribute or block
	// that starts on the line after the comment run, or the item on the line a
	// trailing comment ends. A zero Target (no file name) covers nothing.
	Target hcl.Range

	// used records, per rule id, that the directive matched a finding.
	used map[string]bool
}

// Text is the directive as a user would write it, for messages.
func (d *Directive) Text() string {
	s := IgnoreMarker + ":" + strings.Join(d.RuleIDs, ",")
	if d.Expires != "" {
		s += expMarker + d.Expires
	}
	return s
}

// ExpiredOn answers whether the directive no longer applies on day today:
// it applies through its :exp: date, inclusive.
func (d *Directive) ExpiredOn(today time.Time) bool {
	return d.Expires != "" && today.Format(dateLayout) > d.Expires
}

func (d *Directive) names(id string) bool {
	for _, x := range d.RuleIDs {
		if x == id {
			return true
		}
	}
	return false
}

// syntaxItem is an attribute or a block of a parsed file, with its nesting depth.
type syntaxItem struct {
	rng   hcl.Range
	depth int
}

// ParseSuppressions finds every ignore directive in the comments of one
// native-syntax HCL file and resolves what each covers. It never fails:
// malformed directives become warnings and are left out. The source need not
// parse; without a syntax tree a directive covers nothing.
func ParseSuppressions(filename string, src []byte) ([]*Directive, hcl.Diagnostics) {
	if !bytes.Contains(src, []byte(IgnoreMarker)) {
		return nil, nil
	}
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	items := syntaxItems(filename, src)
	outermost := outermostByLine(items)

	// codeFirst and codeLast hold, per line, the first and last token that is
	// not a comment or newline, so a comment can tell trailing from standalone.
	codeFirst := map[int]hcl.Pos{}
	codeLast := map[int]hcl.Pos{}
	type comment struct {
		tok       hclsyntax.Token
		startLine int
		endLine   int
	}
	var comments []comment
	for _, tok := range tokens {
		switch tok.Type {
		case hclsyntax.TokenComment:
			comments = append(comments, comment{tok: tok, startLine: tok.Range.Start.Line, endLine: commentEndLine(tok)})
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
		default:
			// A multi-line token (heredoc, template) counts as code on each line it spans.
			for l := tok.Range.Start.Line; l <= tok.Range.End.Line; l++ {
				if p, ok := codeFirst[l]; !ok || tok.Range.Start.Byte < p.Byte {
					codeFirst[l] = tok.Range.Start
				}
				if p, ok := codeLast[l]; !ok || tok.Range.Start.Byte > p.Byte {
					codeLast[l] = tok.Range.Start
				}
			}
		}
	}
	standalone := func(c comment) bool {
		if p, ok := codeFirst[c.startLine]; ok && p.Byte < c.tok.Range.Start.Byte {
			return false
		}
		if p, ok := codeLast[c.endLine]; ok && p.Byte >= c.tok.Range.End.Byte {
			return false
		}
		return true
	}
	// standaloneStart maps a standalone comment's first line to its last, to
	// walk a run of stacked comments down to the code below it.
	standaloneStart := map[int]int{} // start line → end line
	for _, c := range comments {
		if standalone(c) {
			standaloneStart[c.startLine] = c.endLine
		}
	}

	var out []*Directive
	var diags hcl.Diagnostics
	for _, c := range comments {
		text := string(c.tok.Bytes)
		if !strings.Contains(text, IgnoreMarker) {
			continue
		}
		rng := c.tok.Range
		rng.End = commentEnd(c.tok)
		parsed, pdiags := parseDirectiveText(text, rng)
		diags = append(diags, pdiags...)
		if len(parsed) == 0 {
			continue
		}
		var target hcl.Range
		switch {
		case !standalone(c):
			line := c.endLine
			if p, ok := codeFirst[c.startLine]; ok && p.Byte < c.tok.Range.Start.Byte {
				line = c.startLine // trailing: the code before it on its line
			}
			target = trailingTarget(items, outermost, line)
		default:
			// Walk down a run of stacked standalone comments.
			end := c.endLine
			for {
				next, ok := standaloneStart[end+1]
				if !ok {
					break
				}
				end = next
			}
			target = outermost[end+1].rng
		}
		for _, d := range parsed {
			d.Target = target
			out = append(out, d)
		}
	}
	return out, diags
}

// commentEndLine is the line of a comment's last character: `#` and `//`
// comments include their newline, which would otherwise put them a line lower.
func commentEndLine(tok hclsyntax.Token) int {
	return commentEnd(tok).Line
}

func commentEnd(tok hclsyntax.Token) hcl.Pos {
	end := tok.Range.End
	trimmed := bytes.TrimRight(tok.Bytes, "\r\n")
	if len(trimmed) == len(tok.Bytes) {
		return end
	}
	start := tok.Range.Start
	lines := bytes.Count(trimmed, []byte("\n"))
	col := start.Column
	if lines > 0 {
		col = 1
		trimmed = trimmed[bytes.LastIndexByte(trimmed, '\n')+1:]
	}
	return hcl.Pos{
		Line:   start.Line + lines,
		Column: col + len([]rune(string(trimmed))),
		Byte:   start.Byte + len(bytes.TrimRight(tok.Bytes, "\r\n")),
	}
}

// parseDirectiveText reads every directive in one comment's text. A directive
// runs from the marker to the next marker or the end of the comment.
func parseDirectiveText(text string, rng hcl.Range) ([]*Directive, hcl.Diagnostics) {
	var out []*Directive
	var diags hcl.Diagnostics
	malformed := func(why string) {
		r := rng
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Malformed suppression",
			Detail:   why + "; the comment suppresses nothing. Write " + IgnoreMarker + ":RULE-ID[,RULE-ID][:exp:YYYY-MM-DD] reason.",
			Subject:  &r,
		})
	}
	rest := text
	for {
		i := strings.Index(rest, IgnoreMarker)
		if i < 0 {
			return out, diags
		}
		rest = rest[i+len(IgnoreMarker):]
		body := rest
		if j := strings.Index(rest, IgnoreMarker); j >= 0 {
			body = rest[:j]
		}
		if !strings.HasPrefix(body, ":") {
			malformed(fmt.Sprintf("%q names no rule id", IgnoreMarker))
			continue
		}
		body = body[1:]
		var ids []string
		for {
			n := idLen(body)
			if n == 0 {
				break
			}
			ids = append(ids, body[:n])
			body = body[n:]
			// A comma continues the list; spaces around it are forgiven.
			trimmed := strings.TrimLeft(body, " \t")
			if !strings.HasPrefix(trimmed, ",") {
				break
			}
			body = strings.TrimLeft(trimmed[1:], " \t")
		}
		if len(ids) == 0 {
			malformed(fmt.Sprintf("%q names no rule id", IgnoreMarker))
			continue
		}
		d := &Directive{RuleIDs: ids, Range: rng}
		if strings.HasPrefix(body, expMarker) {
			body = body[len(expMarker):]
			date := body
			if len(date) > len(dateLayout) {
				date = date[:len(dateLayout)]
			}
			if _, err := time.Parse(dateLayout, date); err != nil || len(date) != len(dateLayout) {
				malformed(fmt.Sprintf("the expiry date %q is not a date in YYYY-MM-DD form", firstWord(body)))
				continue
			}
			d.Expires = date
			body = body[len(dateLayout):]
		}
		if body != "" && !startsWithSpaceOrClose(body) {
			malformed(fmt.Sprintf("unexpected %q after the rule ids", firstWord(body)))
			continue
		}
		d.Reason = cleanReason(body)
		out = append(out, d)
	}
}

// idLen is the length of the rule id at the start of s: rule ids are
// lower-case words joined by dashes, but any letters, digits, '_' and '-' are
// read so a typo is reported as an unknown id rather than as garbage.
func idLen(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			n++
			continue
		}
		break
	}
	return n
}

func startsWithSpaceOrClose(s string) bool {
	switch s[0] {
	case ' ', '\t', '\r', '\n':
		return true
	}
	return strings.HasPrefix(s, "*/")
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// cleanReason turns the text after the ids into a one-line reason: the
// closing `*/` of a block comment and separators such as "- " are not part of it.
func cleanReason(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "*/")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "-:–— ")
	return s
}

// syntaxItems lists every attribute and block of the file with its full range.
func syntaxItems(filename string, src []byte) []syntaxItem {
	if nesting.TooDeep(src) {
		// pkg/parser refuses the file with an error; its comments cover nothing.
		return nil
	}
	f, _ := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if f == nil {
		return nil
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok || body == nil {
		return nil
	}
	var items []syntaxItem
	var walk func(b *hclsyntax.Body, depth int)
	walk = func(b *hclsyntax.Body, depth int) {
		for _, a := range b.Attributes {
			items = append(items, syntaxItem{rng: a.SrcRange, depth: depth})
		}
		for _, blk := range b.Blocks {
			items = append(items, syntaxItem{rng: blk.Range(), depth: depth})
			if blk.Body != nil {
				walk(blk.Body, depth+1)
			}
		}
	}
	walk(body, 0)
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].rng.Start.Byte != items[j].rng.Start.Byte {
			return items[i].rng.Start.Byte < items[j].rng.Start.Byte
		}
		return items[i].depth < items[j].depth
	})
	return items
}

// outermostByLine maps each line to the outermost item starting on it: a
// comment above a resource covers the whole resource even when it is written
// on one line.
func outermostByLine(items []syntaxItem) map[int]syntaxItem {
	out := map[int]syntaxItem{}
	for _, it := range items {
		line := it.rng.Start.Line
		if prev, ok := out[line]; !ok || it.depth < prev.depth {
			out[line] = it
		}
	}
	return out
}

// trailingTarget is what a comment at the end of line covers: the outermost
// item starting on it (`encrypted = false # ...` or a block header), else the
// innermost one ending on it (the closing line of a multi-line value), else the
// innermost one spanning it.
func trailingTarget(items []syntaxItem, outermost map[int]syntaxItem, line int) hcl.Range {
	if it, ok := outermost[line]; ok {
		return it.rng
	}
	pick := func(ok func(syntaxItem) bool) hcl.Range {
		best := -1
		for i, it := range items {
			if ok(it) && (best < 0 || it.depth > items[best].depth) {
				best = i
			}
		}
		if best < 0 {
			return hcl.Range{}
		}
		return items[best].rng
	}
	if r := pick(func(it syntaxItem) bool { return it.rng.End.Line == line }); r.Filename != "" {
		return r
	}
	return pick(func(it syntaxItem) bool { return it.rng.Start.Line <= line && line <= it.rng.End.Line })
}

// covers answers whether pos lies inside target (same file, by line and column,
// since plan-mode ranges may lack byte offsets).
func covers(target hcl.Range, file string, pos hcl.Pos) bool {
	if target.Filename == "" || target.Filename != file {
		return false
	}
	if pos.Line < target.Start.Line || pos.Line > target.End.Line {
		return false
	}
	if pos.Line == target.Start.Line && pos.Column < target.Start.Column {
		return false
	}
	if pos.Line == target.End.Line && pos.Column > target.End.Column {
		return false
	}
	return true
}

// InlineOptions govern ApplyInline.
type InlineOptions struct {
	// Today is the date expiry is judged on.
	Today time.Time
	// Known answers whether a rule id exists; directives naming others are reported.
	Known func(id string) bool
	// Active answers whether a rule ran in this run. An unused directive is
	// reported only for rules that ran: the others could not have matched.
	Active func(id string) bool
	// Ignorable answers whether inline comments may silence a rule
	// (config: rule "<id>" { ignorable = false }). Nil means every rule is.
	Ignorable func(id string) bool
	// RequireReason makes a directive without a reason an error.
	RequireReason bool
}

// InlineResult is what ApplyInline found besides the marks on findings.
type InlineResult struct {
	// Notes are "unused suppression" lines for the text output, sorted by place.
	Notes []string
	// Diags are malformed directives and unknown rule ids (warnings), and
	// directives without a reason under require_reason (errors).
	Diags hcl.Diagnostics
}

// ApplyInline marks every finding covered by an ignore comment as suppressed
// (kind inSource, source inline). A directive covers a finding when its target
// holds the finding's range, or holds the `module` block of one of the calls
// that produced the finding. Expired directives and directives for rules that
// are not ignorable leave the finding failing and say so in its message.
// files are the source bytes by file name; only native HCL (.tf) files are read.
func ApplyInline(findings []policies.Finding, files map[string][]byte, opts InlineOptions) InlineResult {
	var res InlineResult
	names := make([]string, 0, len(files))
	for name := range files {
		if strings.HasSuffix(name, ".tf") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	// byPlace indexes directives by file and rule id, so matching a finding
	// looks only at the comments that could silence it.
	byPlace := map[placeKey][]*Directive{}
	var all []*Directive
	for _, name := range names {
		ds, diags := ParseSuppressions(name, files[name])
		res.Diags = append(res.Diags, diags...)
		for _, d := range ds {
			d.used = map[string]bool{}
			if opts.Known != nil {
				for _, id := range d.RuleIDs {
					if !opts.Known(id) {
						r := d.Range
						res.Diags = append(res.Diags, &hcl.Diagnostic{
							Severity: hcl.DiagWarning,
							Summary:  "Unknown rule id in suppression",
							Detail:   fmt.Sprintf("%s names rule %q, which does not exist (see --list-rules).", d.Text(), id),
							Subject:  &r,
						})
					}
				}
			}
			if opts.RequireReason && d.Reason == "" {
				r := d.Range
				res.Diags = append(res.Diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Suppression without a reason",
					Detail:   fmt.Sprintf("%s gives no reason, and the config sets suppressions { require_reason = true }. Write the reason after the rule ids.", d.Text()),
					Subject:  &r,
				})
				// Governance: an unexplained suppression does not count.
				continue
			}
			for _, id := range d.RuleIDs {
				k := placeKey{name, id}
				byPlace[k] = append(byPlace[k], d)
			}
			all = append(all, d)
		}
	}
	if len(all) == 0 {
		return res
	}
	for i := range findings {
		f := &findings[i]
		if f.Suppressed() {
			continue
		}
		applyToFinding(f, byPlace, opts)
	}
	for _, d := range all {
		for _, id := range d.RuleIDs {
			if d.used[id] || (opts.Known != nil && !opts.Known(id)) || (opts.Active != nil && !opts.Active(id)) || vendored(d.Range.Filename) {
				continue
			}
			why := "it matched no finding"
			if d.Target.Filename == "" {
				why = "it is not directly above or at the end of an attribute, block or module call"
			}
			res.Notes = append(res.Notes, fmt.Sprintf("%s:%d: unused suppression %s:%s: %s",
				d.Range.Filename, d.Range.Start.Line, IgnoreMarker, id, why))
		}
	}
	return res
}

// placeKey is a file name and a rule id.
type placeKey struct{ file, rule string }

// applyToFinding looks for the most specific directive covering f: those in the
// finding's own file first, innermost target first, then those on the module
// calls from the innermost out.
func applyToFinding(f *policies.Finding, byPlace map[placeKey][]*Directive, opts InlineOptions) {
	var cands []*Directive
	own := byPlace[placeKey{f.Range.Filename, f.RuleID}]
	var ownHits []*Directive
	for _, d := range own {
		if d.names(f.RuleID) && covers(d.Target, f.Range.Filename, f.Range.Start) {
			ownHits = append(ownHits, d)
		}
	}
	sort.SliceStable(ownHits, func(i, j int) bool {
		return ownHits[i].Target.Start.Line > ownHits[j].Target.Start.Line ||
			(ownHits[i].Target.Start.Line == ownHits[j].Target.Start.Line && ownHits[i].Target.Start.Column > ownHits[j].Target.Start.Column)
	})
	cands = append(cands, ownHits...)
	for i := len(f.ModuleCalls) - 1; i >= 0; i-- {
		call := f.ModuleCalls[i].DeclRange
		for _, d := range byPlace[placeKey{call.Filename, f.RuleID}] {
			if d.names(f.RuleID) && covers(d.Target, call.Filename, call.Start) {
				cands = append(cands, d)
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	for _, d := range cands {
		d.used[f.RuleID] = true
	}
	if opts.Ignorable != nil && !opts.Ignorable(f.RuleID) {
		d := cands[0]
		f.Message += fmt.Sprintf(" (rule %s is not ignorable: the suppression at %s:%d has no effect)", f.RuleID, d.Range.Filename, d.Range.Start.Line)
		return
	}
	var expired *Directive
	for _, d := range cands {
		if d.ExpiredOn(opts.Today) {
			if expired == nil {
				expired = d
			}
			continue
		}
		f.Suppression = &policies.Suppression{
			Kind:    "inSource",
			Source:  "inline",
			Reason:  d.Reason,
			Expires: d.Expires,
			Range:   d.Range,
		}
		return
	}
	f.Message += fmt.Sprintf(" (suppression expired %s)", expired.Expires)
}

// vendored answers whether a file is a downloaded module under .terraform/:
// its comments apply, but the user cannot clean them up, so they are not
// listed as unused.
func vendored(name string) bool {
	name = filepath.ToSlash(name)
	return strings.HasPrefix(name, ".terraform/") || strings.Contains(name, "/.terraform/")
}
