// Package phi recognises the shapes of protected health information in the
// strings of a Terraform configuration: bucket names, object keys, metadata,
// tags, DynamoDB key names and item values.
//
// A linter cannot know what is PHI; it can recognise what PHI looks like. Two
// families of shapes are told apart because they apply to different strings:
//
//   - value shapes (Find): a US SSN, a Medicare Beneficiary Identifier, an
//     e-mail address, a US phone number, a date beside a birth keyword, an
//     mrn-prefixed number. They mean the string itself holds PHI, wherever it is.
//   - field-name shapes (FindName adds them): `ssn`, `date_of_birth`,
//     `patientEmail`, ... They mean the string names a field whose values are
//     PHI, which matters only for key names (DynamoDB keys and indexes,
//     metadata and tag keys): a bucket called `patient-records` describes its
//     content, it does not contain any.
//
// Matches never need to be shown: Redact masks them so that no output carries
// the value.
//
// # Configuration
//
// The config's `phi { extra_keywords = [...], allow = [...] }` block maps onto
// New(extra, allow) or Configure(extra, allow), which replaces the package
// default that the rules read through Default. The CLI should call Configure
// once, after decoding the config and before policies.Run, and report its
// error against the `phi` block's range.
package phi

import (
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
)

// Kind is the shape a match has.
type Kind uint8

const (
	// SSN is a US Social Security number, 123-45-6789.
	SSN Kind = iota + 1
	// MBI is a Medicare Beneficiary Identifier, 1EG4-TE5-MK73.
	MBI
	// Email is an e-mail address.
	Email
	// Phone is a US (NANP) phone number with separators or a +1 prefix.
	Phone
	// BirthDate is a calendar date written beside dob/birth/born.
	BirthDate
	// MRN is a number prefixed with mrn or medical record.
	MRN
	// FieldName is a name for a PHI field (`ssn`, `date_of_birth`); only
	// FindName reports it.
	FieldName
)

// String names the kind the way messages use it: "bucket name contains a
// <String>-shaped value".
func (k Kind) String() string {
	switch k {
	case SSN:
		return "US SSN"
	case MBI:
		return "Medicare Beneficiary Identifier"
	case Email:
		return "e-mail address"
	case Phone:
		return "US phone number"
	case BirthDate:
		return "date of birth"
	case MRN:
		return "medical record number"
	case FieldName:
		return "PHI field name"
	}
	return "unknown"
}

// Match is one PHI-shaped span of a scanned string: s[Start:End].
type Match struct {
	Kind       Kind
	Start, End int
	// Field says which PHI field a FieldName match names ("date of birth",
	// or the configured keyword); "" for value shapes.
	Field string
}

// Describe renders the match for a message without its text: "a US
// SSN-shaped value", "a PHI field name (date of birth)".
func (m Match) Describe() string {
	if m.Kind == FieldName {
		return "a PHI field name (" + m.Field + ")"
	}
	art := "a "
	if m.Kind == Email {
		art = "an "
	}
	return art + m.Kind.String() + "-shaped value"
}

// Describe joins the distinct descriptions of matches, in order of first
// appearance, for one message: "a US SSN-shaped value and an e-mail
// address-shaped value". It never includes matched text.
func Describe(ms []Match) string {
	var parts []string
	seen := map[string]bool{}
	for _, m := range ms {
		d := m.Describe()
		if !seen[d] {
			seen[d] = true
			parts = append(parts, d)
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Detector finds PHI shapes. Its zero value is not usable; build one with New.
// A Detector is immutable and safe for concurrent use.
type Detector struct {
	// extra are the configured keywords as token phrases, matched like the
	// built-in field names.
	extra []phrase
	// allow are lower-cased glob patterns; a string or a matched span that one
	// matches is not reported.
	allow []string
}

// New builds a detector with user keywords (field names such as "member_id",
// in any case style) and an allow list of strings that must not be reported:
// each entry is compared, case-insensitively, with the whole scanned string and
// with each matched span; `*` matches any run of characters
// ("*@acme-health.example" allows the team addresses of one domain).
func New(extra, allow []string) (*Detector, error) {
	d := &Detector{}
	for _, kw := range extra {
		toks := tokenize(kw)
		if len(toks) == 0 {
			return nil, fmt.Errorf("phi: extra keyword %q has no letters or digits", kw)
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.word
		}
		d.extra = append(d.extra, phrase{words: words, field: fmt.Sprintf("keyword %q", kw)})
	}
	for _, a := range allow {
		a = strings.ToLower(strings.TrimSpace(a))
		if strings.Trim(a, "*") == "" {
			return nil, fmt.Errorf("phi: allow entry %q would allow everything", a)
		}
		d.allow = append(d.allow, a)
	}
	return d, nil
}

var std atomic.Pointer[Detector]

func init() {
	std.Store(&Detector{})
}

// Default returns the detector the rules use: the built-in shapes plus what
// Configure last set.
func Default() *Detector { return std.Load() }

// Configure replaces the package default with New(extra, allow). On error the
// default is unchanged.
func Configure(extra, allow []string) error {
	d, err := New(extra, allow)
	if err != nil {
		return err
	}
	std.Store(d)
	return nil
}

// Find returns the value shapes in s (no field names), sorted by position.
func (d *Detector) Find(s string) []Match {
	if d.allowed(s) {
		return nil
	}
	return d.filter(s, findValues(s))
}

// FindName returns the value shapes and the PHI field-name shapes in s, for
// strings that name a field: DynamoDB key attributes, metadata and tag keys.
func (d *Detector) FindName(s string) []Match {
	if d.allowed(s) {
		return nil
	}
	ms := findValues(s)
	ms = append(ms, findFieldNames(s, d.extra)...)
	sortMatches(ms)
	return d.filter(s, ms)
}

// Find is Default().Find(s).
func Find(s string) []Match { return Default().Find(s) }

// FindName is Default().FindName(s).
func FindName(s string) []Match { return Default().FindName(s) }

func (d *Detector) filter(s string, ms []Match) []Match {
	if len(d.allow) == 0 || len(ms) == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if !d.allowed(s[m.Start:m.End]) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (d *Detector) allowed(s string) bool {
	if len(d.allow) == 0 {
		return false
	}
	ls := strings.ToLower(s)
	for _, pat := range d.allow {
		if globMatch(pat, ls) {
			return true
		}
	}
	return false
}

// globMatch matches pattern against s where `*` is any run of bytes. Unlike
// path.Match it does not stop at `/`, which S3 keys are full of.
func globMatch(pattern, s string) bool {
	// Iterative matching with one backtrack point keeps it linear-ish and free
	// of recursion on hostile patterns.
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case p < len(pattern) && pattern[p] == s[i]:
			p++
			i++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

func sortMatches(ms []Match) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Field < b.Field
	})
}
