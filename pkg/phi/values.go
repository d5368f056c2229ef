package phi

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The patterns carry no anchors or \b: scan restarts them inside the string
// and judges the edges itself against the whole input (see the edge helpers),
// because Go's regexp has no look-behind and infrastructure strings glue
// numbers together with dashes and dots (`build-123-45-678`, `10.0.0.0/16`).
var (
	reSSN = newPattern(`(\d{3})([- ])(\d{2})([- ])(\d{4})`, 11)

	// MBI positions per the CMS format: 1 numeric 1-9, 2 alpha, 3 alphanumeric,
	// 4 numeric, 5 alpha, 6 alphanumeric, 7 numeric, 8-9 alpha, 10-11 numeric;
	// letters exclude S, L, O, I, B and Z. Written plain or as 4-3-4 with dashes.
	// Case-insensitive because bucket names and keys are often lower-cased.
	reMBI = newPattern(`(?i)[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}`, 13)

	// The domain after an @; findEmails walks the local part by hand, because
	// an unanchored e-mail expression retries every byte of a long run of
	// local-part characters.
	reEmailDomain = regexp.MustCompile(`^[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}`)

	// Phone: optional +1/1 prefix, then (NPA) NXX-XXXX or NPA-NXX-XXXX with one
	// separator repeated. Bare ten-digit runs are left out on purpose: epoch
	// timestamps and ids are ten digits too.
	rePhone = newPattern(`(\+?1[ .\-]?)?(?:\((\d{3})\)[ .\-]?|(\d{3})([ .\-]))(\d{3})([ .\-])(\d{4})`, 17)
	// E.164 with the +1 prefix is unambiguous enough without separators.
	rePhoneE164 = newPattern(`\+1(\d{3})(\d{3})(\d{4})`, 12)

	reDateYMD = newPattern(`((?:19|20)\d\d)([\-/._ ]?)(\d\d)([\-/._ ]?)(\d\d)`, 10)
	reDateMDY = newPattern(`(\d{1,2})([\-/._ ])(\d{1,2})([\-/._ ])((?:19|20)\d\d)`, 10)
	// Birth keywords; edges are judged in code (`adobe` holds "dob").
	reBirthWord = regexp.MustCompile(`(?i)d\.?o\.?b|birth|born|bday`)

	reMRN = newPattern(`(?i)(?:mrn|medical[ _.\-]?record(?:[ _.\-]?(?:number|num|nbr|no|id))?|med[ _\-]?rec)[ _.:#=\-]{0,3}(\d{4,12})`, 36)
)

// findValues returns every value shape in s, sorted.
func findValues(s string) []Match {
	// Go's regexp costs far more than a byte loop, and most strings of a
	// configuration cannot hold most shapes: count what each shape needs
	// first and run only the expressions that could match.
	digits := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			digits++
		}
	}
	hasAt := strings.IndexByte(s, '@') >= 0
	if digits < 4 && !hasAt {
		// Every value shape but e-mail needs at least four digits (an MRN);
		// most names have none.
		return nil
	}
	var ms []Match
	if digits >= 9 && hasRun(s, 3, "- ", 2) {
		ms = scan(reSSN, s, ms, acceptSSN)
	}
	if digits >= 5 && mbiCandidate(s) {
		ms = scan(reMBI, s, ms, acceptMBI)
	}
	if digits >= 10 {
		if hasRun(s, 3, " .-)", 3) {
			ms = scan(rePhone, s, ms, acceptPhone)
		}
		if strings.Contains(s, "+1") {
			ms = scan(rePhoneE164, s, ms, acceptE164)
		}
	}
	var lower string
	if digits >= 4 {
		lower = strings.ToLower(s)
		if strings.Contains(lower, "mrn") || strings.Contains(lower, "med") {
			ms = scan(reMRN, s, ms, acceptMRN)
		}
	}
	if digits >= 6 && containsAny(lower, "dob", "d.o", "birth", "born", "bday") {
		ms = findBirthDates(s, ms)
	}
	if hasAt {
		ms = findEmails(s, ms)
	}
	ms = dropPhonesInsideLonger(ms)
	sortMatches(ms)
	return ms
}

// hasRun answers whether s holds `left` digits, one byte of seps, and
// `right` more digits: the skeleton an SSN or phone number cannot lack.
func hasRun(s string, left int, seps string, right int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isDigit(c) {
			run++
			continue
		}
		if run >= left && strings.IndexByte(seps, c) >= 0 {
			j, n := i+1, 0
			if c == ')' && j < len(s) && s[j] == ' ' {
				j++
			}
			for j < len(s) && isDigit(s[j]) && n < right {
				j++
				n++
			}
			if n == right {
				return true
			}
		}
		run = 0
	}
	return false
}

// mbiCandidate answers whether s has a run of exactly eleven letters and
// digits, or runs of four, three and four joined by dashes: the only ways an
// MBI can stand as a token of its own.
func mbiCandidate(s string) bool {
	var runs [3]int // the last three runs, newest last
	var joins [2]bool
	run := 0
	flush := func(dash bool) bool {
		if run == 0 {
			runs, joins = [3]int{}, [2]bool{}
			return false
		}
		runs[0], runs[1], runs[2] = runs[1], runs[2], run
		if run == 11 {
			return true
		}
		if runs == [3]int{4, 3, 4} && joins[0] && joins[1] {
			return true
		}
		joins[0], joins[1] = joins[1], dash
		run = 0
		return false
	}
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) {
			run++
			continue
		}
		if flush(s[i] == '-') {
			return true
		}
	}
	return flush(false)
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// pattern is a compiled shape with the longest text it can match, which
// lets scan search a bounded window instead of the whole rest of the string.
type pattern struct {
	re     *regexp.Regexp
	maxLen int
}

func newPattern(expr string, maxLen int) pattern {
	return pattern{re: regexp.MustCompile(expr), maxLen: maxLen}
}

// scan runs the pattern over s from every position a rejected candidate
// leaves, so a candidate refused for its edges does not hide an overlapping
// valid one.
//
// Each search looks at a window of a few times the pattern's longest match,
// not at the rest of the string: Go's backtracking matcher clears state in
// proportion to its input on every call, which made a long line with
// thousands of matches quadratic. A match that starts more than maxLen before
// the window's end lies wholly inside it, and so does any match that starts
// before it, so the window finds what the whole string would.
func scan(p pattern, s string, out []Match, accept func(s string, loc []int) (Match, bool)) []Match {
	window := 4 * p.maxLen
	if window < 256 {
		window = 256
	}
	pos := 0
	for pos < len(s) {
		end, limit := len(s), len(s)
		if end-pos > window {
			end = pos + window
			limit = end - p.maxLen
		}
		loc := p.re.FindStringSubmatchIndex(s[pos:end])
		if loc == nil || pos+loc[0] >= limit {
			if end == len(s) {
				break
			}
			pos = limit
			continue
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += pos
			}
		}
		if m, ok := accept(s, loc); ok {
			out = append(out, m)
			pos = loc[1]
			if loc[1] == loc[0] {
				pos++
			}
			continue
		}
		pos = loc[0] + 1
	}
	return out
}

func group(s string, loc []int, n int) string {
	if 2*n+1 >= len(loc) || loc[2*n] < 0 {
		return ""
	}
	return s[loc[2*n]:loc[2*n+1]]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLetter(c byte) bool {
	return isLower(c) || isUpper(c)
}
func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) }

// numberBefore answers whether a number runs into s[start:] from the left:
// a digit right before it, or a digit behind one dot or dash
// (`2024-123-45-6789`, `10.555.234.5678`).
func numberBefore(s string, start int) bool {
	if start <= 0 {
		return false
	}
	c := s[start-1]
	if isDigit(c) {
		return true
	}
	return (c == '-' || c == '.') && start >= 2 && isDigit(s[start-2])
}

// numberAfter is numberBefore for the right edge of s[:end].
func numberAfter(s string, end int) bool {
	if end >= len(s) {
		return false
	}
	c := s[end]
	if isDigit(c) {
		return true
	}
	return (c == '-' || c == '.') && end+1 < len(s) && isDigit(s[end+1])
}

func acceptSSN(s string, loc []int) (Match, bool) {
	area, sep1, grp, sep2, serial := group(s, loc, 1), group(s, loc, 2), group(s, loc, 3), group(s, loc, 4), group(s, loc, 5)
	if sep1 != sep2 {
		return Match{}, false
	}
	// The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
	if area == "000" || area == "666" || area[0] == '9' || grp == "00" || serial == "0000" {
		return Match{}, false
	}
	if numberBefore(s, loc[0]) || numberAfter(s, loc[1]) {
		return Match{}, false
	}
	return Match{Kind: SSN, Start: loc[0], End: loc[1]}, true
}

func acceptMBI(s string, loc []int) (Match, bool) {
	text := s[loc[0]:loc[1]]
	// Dashes are all or nothing: 1EG4-TE5-MK73 or 1EG4TE5MK73.
	if n := strings.Count(text, "-"); n != 0 && n != 2 {
		return Match{}, false
	}
	// An MBI is a token of its own; inside a longer run of letters and digits
	// (hashes, resource ids) the pattern matches by chance.
	if (loc[0] > 0 && isAlnum(s[loc[0]-1])) || (loc[1] < len(s) && isAlnum(s[loc[1]])) {
		return Match{}, false
	}
	// A token of only lower-case hex letters and digits is far more likely a
	// hash fragment than an MBI.
	if isHexToken(text) && strings.ToLower(text) == text {
		return Match{}, false
	}
	return Match{Kind: MBI, Start: loc[0], End: loc[1]}, true
}

func isHexToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-') {
			return false
		}
	}
	return true
}

func acceptPhone(s string, loc []int) (Match, bool) {
	area := group(s, loc, 2)
	if area == "" {
		area = group(s, loc, 3)
		// NPA-NXX-XXXX repeats one separator: 555-234-5678, not 555-234.5678.
		if group(s, loc, 4) != group(s, loc, 6) {
			return Match{}, false
		}
	}
	exchange := group(s, loc, 5)
	if !validNANP(area, exchange) {
		return Match{}, false
	}
	// A number running into either end (a longer id, a version, a "1-" that
	// ends another number) makes the digits something else.
	if numberBefore(s, loc[0]) || numberAfter(s, loc[1]) {
		return Match{}, false
	}
	return Match{Kind: Phone, Start: loc[0], End: loc[1]}, true
}

func acceptE164(s string, loc []int) (Match, bool) {
	if !validNANP(group(s, loc, 1), group(s, loc, 2)) || numberAfter(s, loc[1]) {
		return Match{}, false
	}
	if loc[0] > 0 && isAlnum(s[loc[0]-1]) {
		return Match{}, false
	}
	return Match{Kind: Phone, Start: loc[0], End: loc[1]}, true
}

// validNANP applies the North American Numbering Plan: area code and exchange
// start with 2-9, and N11 codes are service numbers, not area codes.
func validNANP(area, exchange string) bool {
	if len(area) != 3 || len(exchange) != 3 {
		return false
	}
	if area[0] < '2' || exchange[0] < '2' {
		return false
	}
	return !(area[1] == '1' && area[2] == '1')
}

// dropPhonesInsideLonger removes phone matches that sit inside another value
// match (an E.164 number found by both phone patterns, a phone inside an
// e-mail local part).
func dropPhonesInsideLonger(ms []Match) []Match {
	return dropCovered(ms, func(m Match) bool { return m.Kind == Phone })
}

// dropCovered removes the matches for which droppable is true and whose span
// lies inside the span of another match. Sorting by start, then longest
// first, makes it one sweep: a span is covered when an earlier one reaches as
// far. Linear after the sort, so a hostile string of thousands of matches
// costs no more than its length.
func dropCovered(ms []Match, droppable func(Match) bool) []Match {
	if len(ms) < 2 {
		return ms
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		// At equal spans a droppable match goes last, so the other survives.
		return !droppable(a) && droppable(b)
	})
	out := ms[:0]
	reach := -1
	for _, m := range ms {
		if droppable(m) && m.End <= reach {
			continue
		}
		out = append(out, m)
		if m.End > reach {
			reach = m.End
		}
	}
	return out
}

// findEmails reports addresses around each @: a local part of up to 64
// bytes (RFC 5321) to its left, a dotted domain ending in a letters-only
// top-level domain to its right. Cost is bounded per @, whatever the input.
func findEmails(s string, out []Match) []Match {
	floor := 0 // an address's local part cannot reach into the previous one
	for from := 0; from < len(s); {
		k := strings.IndexByte(s[from:], '@')
		if k < 0 {
			break
		}
		at := from + k
		from = at + 1
		start := at
		for start > floor && at-start < 64 && isLocalPartChar(s[start-1]) {
			start--
		}
		// The local part cannot start with a dot or dash.
		for start < at && (s[start] == '.' || s[start] == '-') {
			start++
		}
		if start == at {
			continue
		}
		domain := s[at+1 : min(len(s), at+1+255)]
		loc := reEmailDomain.FindStringIndex(domain)
		if loc == nil {
			continue
		}
		end := at + 1 + loc[1]
		if end < len(s) {
			c := s[end]
			// A longer word, or git@github.com:org/repo.git, which is a
			// remote, not a mailbox.
			if isAlnum(c) || c == '_' || c == ':' {
				continue
			}
		}
		out = append(out, Match{Kind: Email, Start: start, End: end})
		floor, from = end, end
	}
	return out
}

func isLocalPartChar(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func acceptMRN(s string, loc []int) (Match, bool) {
	start := loc[0]
	if start > 0 && isLetter(s[start-1]) && !(isLower(s[start-1]) && isUpper(s[start])) {
		// "smrn", "pharmrn": the prefix is part of another word; camel case
		// (patientMrn) still counts.
		return Match{}, false
	}
	if numberAfter(s, loc[1]) || (loc[1] < len(s) && isLetter(s[loc[1]])) {
		return Match{}, false
	}
	return Match{Kind: MRN, Start: loc[2], End: loc[3]}, true
}

// findBirthDates reports dates written beside a birth keyword. A date alone
// (logs-2024-01-01) is not PHI-shaped; next to dob it is.
func findBirthDates(s string, out []Match) []Match {
	var dates []Match
	dates = scan(reDateYMD, s, dates, acceptYMD)
	dates = scan(reDateMDY, s, dates, acceptMDY)
	if len(dates) == 0 {
		return out
	}
	words := birthWords(s) // in order of position
	for _, d := range dates {
		// Only words within a connector gap of the date can qualify; find
		// the first that could by binary search instead of trying them all.
		from := sort.Search(len(words), func(i int) bool { return words[i][1] >= d.Start-maxConnectorGap })
		for _, w := range words[from:] {
			if w[0] > d.End+maxConnectorGap {
				break
			}
			if w[1] <= d.Start && connectorsOnly(s[w[1]:d.Start]) ||
				d.End <= w[0] && connectorsOnly(s[d.End:w[0]]) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// birthWords returns the spans of birth keywords that start a word, so
// "adobe" and "dobro" do not count but "patientDob" and "date_of_birth" do.
func birthWords(s string) [][2]int {
	var out [][2]int
	for _, loc := range reBirthWord.FindAllStringIndex(s, -1) {
		start, end := loc[0], loc[1]
		word := strings.ToLower(s[start:end])
		if strings.HasPrefix(word, "birth") {
			// "birth" is distinctive inside concatenations (dateofbirth).
			out = append(out, [2]int{start, end})
			continue
		}
		if start > 0 && isLetter(s[start-1]) && !(isLower(s[start-1]) && isUpper(s[start])) {
			continue
		}
		if end < len(s) && isLower(s[end]) {
			continue
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

// connectorWords may stand between a birth keyword and its date:
// birth_date=..., born on ..., dob is ..., birthday ....
var connectorWords = map[string]bool{"date": true, "dt": true, "of": true, "on": true, "is": true, "day": true, "d": true}

// maxConnectorGap is the most bytes a birth keyword may sit from its date.
const maxConnectorGap = 16

// connectorsOnly answers whether gap is short and holds only separators and
// connector words, so "birthday-party-2024-05-01" is not a date of birth.
func connectorsOnly(gap string) bool {
	if len(gap) > maxConnectorGap {
		return false
	}
	for _, w := range strings.FieldsFunc(gap, func(r rune) bool { return r > 127 || !isAlnum(byte(r)) }) {
		if !connectorWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

func acceptYMD(s string, loc []int) (Match, bool) {
	if group(s, loc, 2) != group(s, loc, 4) || numberBefore(s, loc[0]) || numberAfter(s, loc[1]) {
		return Match{}, false
	}
	y, _ := strconv.Atoi(group(s, loc, 1))
	m, _ := strconv.Atoi(group(s, loc, 3))
	d, _ := strconv.Atoi(group(s, loc, 5))
	if !validDate(y, m, d) {
		return Match{}, false
	}
	return Match{Kind: BirthDate, Start: loc[0], End: loc[1]}, true
}

func acceptMDY(s string, loc []int) (Match, bool) {
	if group(s, loc, 2) != group(s, loc, 4) || numberBefore(s, loc[0]) || numberAfter(s, loc[1]) {
		return Match{}, false
	}
	a, _ := strconv.Atoi(group(s, loc, 1))
	b, _ := strconv.Atoi(group(s, loc, 3))
	y, _ := strconv.Atoi(group(s, loc, 5))
	// US order first, then day-first (01.02.1980 in European records).
	if !validDate(y, a, b) && !validDate(y, b, a) {
		return Match{}, false
	}
	return Match{Kind: BirthDate, Start: loc[0], End: loc[1]}, true
}

var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > daysIn[m] {
		return false
	}
	if m == 2 && d == 29 {
		return y%4 == 0 && (y%100 != 0 || y%400 == 0)
	}
	return true
}
