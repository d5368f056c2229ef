package phi

import "strings"

// Redact masks every value shape in s with the default detector.
func Redact(s string) string { return Default().Redact(s) }

// Redact masks every value shape in s so the value cannot be read back:
// an SSN keeps at most its last four digits (***-**-6789), an e-mail its first
// letter and top-level domain (j*******@*****.com), everything else is masked
// but for its punctuation. Field names are not masked: they name PHI, they are
// not PHI.
//
// The result has the same length in bytes as s, so a writer can mask a source
// line and keep its columns. Every other copy of a matched value in s is
// masked too, even where its surroundings kept it from matching, so the value
// appears nowhere in the output.
func (d *Detector) Redact(s string) string {
	ms := d.Find(s)
	if len(ms) == 0 {
		return s
	}
	// state per byte: 0 untouched, 1 kept inside a span, 2 masked. Masking
	// wins where spans overlap.
	state := make([]byte, len(s))
	seen := map[string]bool{}
	for _, m := range ms {
		text := s[m.Start:m.End]
		key := string(rune('0'+m.Kind)) + text
		if seen[key] {
			continue
		}
		seen[key] = true
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], text)
			if i < 0 {
				break
			}
			start := from + i
			markSpan(state[start:start+len(text)], text, m.Kind)
			from = start + 1
		}
	}
	b := []byte(s)
	for i, st := range state {
		if st == 2 {
			b[i] = '*'
		}
	}
	return string(b)
}

// markSpan sets, for one occurrence of a matched value, which bytes are
// masked (2) and which may stay (1). Each style masks at least one byte of
// every occurrence, and no matched value contains '*', so no occurrence
// survives.
func markSpan(state []byte, text string, kind Kind) {
	keep := make([]bool, len(text))
	switch kind {
	case SSN:
		// Keep separators and the last four digits: ***-**-6789.
		digits := 0
		for i := len(text) - 1; i >= 0; i-- {
			if isDigit(text[i]) {
				digits++
				keep[i] = digits <= 4
			} else {
				keep[i] = true
			}
		}
	case Email:
		// Keep the first letter, the @ and the top-level domain: j***@***.com.
		at := strings.LastIndexByte(text, '@')
		dot := strings.LastIndexByte(text, '.')
		keep[0] = true
		if at >= 0 {
			keep[at] = true
		}
		if dot > at+1 {
			for i := dot; i < len(text); i++ {
				keep[i] = true
			}
		}
	default:
		for i := 0; i < len(text); i++ {
			keep[i] = !isAlnum(text[i])
		}
	}
	for i := range state {
		switch {
		case !keep[i]:
			state[i] = 2
		case state[i] == 0:
			state[i] = 1
		}
	}
}
