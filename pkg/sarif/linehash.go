package sarif

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// LineHashes computes GitHub's primaryLocationLineHash for every line of src,
// indexed by 1-based line number (index 0 is unused).
//
// GitHub computes this fingerprint itself (github/codeql-action,
// src/fingerprints.ts) when an upload lacks it, and uses it to match alerts
// across commits; computing the same value here means uploads from tools that
// do not run through that action still match. The algorithm: decode the file
// as UTF-8 into UTF-16 code units, drop spaces and tabs, normalise \r\n and
// lone \r to \n, and hash, for each line, the 100 code units starting at the
// line's first kept unit with a polynomial rolling hash (base 37, 64-bit
// wrap-around). A -1 sentinel (65535 as a code unit) marks the end of file and
// zeros pad the window. Equal hashes are told apart by an occurrence count:
// "<hex>:<n>".
func LineHashes(src []byte) []string {
	t := hashLines(src)
	out := make([]string, len(t.hash))
	for n := 1; n < len(out); n++ {
		out[n] = t.at(n)
	}
	return out
}

// lineHashTable holds each line's raw hash and occurrence number, indexed by
// line; formatting waits until a result asks for a line, since most lines of
// a file never carry a finding.
type lineHashTable struct {
	hash       []uint64
	occurrence []int
}

// at returns the "<hex>:<n>" fingerprint of 1-based line n, or "" if none.
func (t *lineHashTable) at(n int) string {
	if n < 1 || n >= len(t.hash) || t.occurrence[n] == 0 {
		return ""
	}
	return strconv.FormatUint(t.hash[n], 16) + ":" + strconv.Itoa(t.occurrence[n])
}

func hashLines(src []byte) *lineHashTable {
	const (
		blockSize = 100
		base      = 37
		eof       = 65535
	)
	var firstMod uint64 = 1
	for i := 0; i < blockSize; i++ {
		firstMod *= base
	}

	t := &lineHashTable{hash: []uint64{0}, occurrence: []int{0}}
	var window [blockSize]uint64
	// lineAt[i] is the line that starts at window slot i, or 0.
	var lineAt [blockSize]int
	var hash uint64
	index, line := 0, 0
	lineStart, prevCR := true, false
	counts := map[uint64]int{}

	emit := func() {
		counts[hash]++
		n := lineAt[index]
		for len(t.hash) <= n {
			t.hash = append(t.hash, 0)
			t.occurrence = append(t.occurrence, 0)
		}
		t.hash[n], t.occurrence[n] = hash, counts[hash]
		lineAt[index] = 0
	}
	update := func(unit uint64) {
		oldest := window[index]
		window[index] = unit
		hash = base*hash + unit - firstMod*oldest
		index = (index + 1) % blockSize
	}
	process := func(unit uint64) {
		if unit == ' ' || unit == '\t' || (prevCR && unit == '\n') {
			prevCR = false
			return
		}
		if unit == '\r' {
			unit = '\n'
			prevCR = true
		} else {
			prevCR = false
		}
		if lineAt[index] != 0 {
			emit()
		}
		if lineStart {
			lineStart = false
			line++
			lineAt[index] = line
		}
		if unit == '\n' {
			lineStart = true
		}
		update(unit)
	}

	for len(src) > 0 {
		if src[0] < utf8.RuneSelf {
			process(uint64(src[0]))
			src = src[1:]
			continue
		}
		r, size := decodeRune(src)
		src = src[size:]
		if r >= 0x10000 {
			hi, lo := utf16.EncodeRune(r)
			process(uint64(hi))
			process(uint64(lo))
			continue
		}
		process(uint64(r))
	}
	process(eof)
	for i := 0; i < blockSize; i++ {
		if lineAt[index] != 0 {
			emit()
		}
		update(0)
	}
	return t
}

// decodeRune decodes like utf8.DecodeRune but replaces invalid input the way
// Node's (WHATWG) UTF-8 decoder does, which codeql-action reads files with: a
// maximal prefix of a valid sequence becomes one U+FFFD, where DecodeRune
// would give one per byte. The hashes of lines with broken bytes then match.
func decodeRune(b []byte) (rune, int) {
	r, size := utf8.DecodeRune(b)
	if r != utf8.RuneError || size != 1 {
		return r, size
	}
	lead := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead >= 0xE0 && lead <= 0xEF:
		need = 2
		if lead == 0xE0 {
			lo = 0xA0
		} else if lead == 0xED {
			hi = 0x9F
		}
	case lead >= 0xF0 && lead <= 0xF4:
		need = 3
		if lead == 0xF0 {
			lo = 0x90
		} else if lead == 0xF4 {
			hi = 0x8F
		}
	default:
		return utf8.RuneError, 1
	}
	n := 1
	for n <= need && n < len(b) {
		c := b[n]
		if c < lo || c > hi {
			break
		}
		lo, hi = 0x80, 0xBF
		n++
	}
	return utf8.RuneError, n
}
