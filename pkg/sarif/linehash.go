package sarif

import (
	"bytes"
	"math"
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
	// counts is how often each hash has been seen so far, while hashing.
	counts map[uint64]int
}

// at returns the "<hex>:<n>" fingerprint of 1-based line n, or "" if none.
func (t *lineHashTable) at(n int) string {
	if n < 1 || n >= len(t.hash) || t.occurrence[n] == 0 {
		return ""
	}
	var buf [40]byte
	b := strconv.AppendUint(buf[:0], t.hash[n], 16)
	b = append(b, ':')
	return string(strconv.AppendInt(b, int64(t.occurrence[n]), 10))
}

// set records the hash of line n, which comes after every line before it.
func (t *lineHashTable) set(n int, hash uint64) {
	t.counts[hash]++
	for len(t.hash) <= n {
		t.hash = append(t.hash, 0)
		t.occurrence = append(t.occurrence, 0)
	}
	t.hash[n], t.occurrence[n] = hash, t.counts[hash]
}

func hashLines(src []byte) *lineHashTable {
	return hashLinesUpTo(src, math.MaxInt)
}

// hashLinesUpTo hashes the lines of src up to line last and may stop there:
// a line's hash and occurrence count depend only on the text from its start
// and the lines before it.
func hashLinesUpTo(src []byte, last int) *lineHashTable {
	t := hashLineTable(src, last)
	t.counts = nil // only needed while hashing
	return t
}

// unitsPerBlock is how many UTF-16 units hashLineTable decodes before hashing
// them: enough to make each pass a tight loop, few enough to stay in cache.
const unitsPerBlock = 4096

// unitKind classifies ASCII bytes for the decoding pass: 0 is dropped
// (space, tab), 1 is kept as is, 2 needs the slow path (CR, non-ASCII).
var unitKind = func() (k [256]uint8) {
	for c := range k {
		switch {
		case c == ' ' || c == '\t':
			k[c] = 0
		case c == '\r' || c >= utf8.RuneSelf:
			k[c] = 2
		default:
			k[c] = 1
		}
	}
	return k
}()

func hashLineTable(src []byte, last int) *lineHashTable {
	const (
		blockSize = 100
		base      = 37
		eof       = 65535
	)
	var firstMod uint64 = 1
	for i := 0; i < blockSize; i++ {
		firstMod *= base
	}

	// Lines end in \n or \r, so this is the line count up to lone-CR files.
	lines := bytes.Count(src, []byte{'\n'}) + 2
	if last < lines {
		lines = last + 1
	}
	t := &lineHashTable{
		hash:       make([]uint64, 1, lines),
		occurrence: make([]int, 1, lines),
		counts:     make(map[uint64]int, lines),
	}
	// Two passes per block: the first decodes bytes into the UTF-16 units
	// that count (no spaces or tabs, line ends as \n), branch-free for
	// plain ASCII; the second hashes them. Both keep their state in locals,
	// as they run once per character of every file.
	var units [unitsPerBlock + 3]uint16 // + a surrogate pair and the sentinel
	var window [blockSize]uint64
	// lineAt[i] is the line that starts at window slot i, or 0.
	var lineAt [blockSize]int
	var hash uint64
	index, line := 0, 0
	lineStart, atEOF := true, false
	pos := 0
	for !atEOF {
		n := 0
		for pos < len(src) && n < unitsPerBlock {
			c := src[pos]
			kind := unitKind[c]
			if kind < 2 {
				units[n] = uint16(c)
				n += int(kind)
				pos++
				continue
			}
			if c == '\r' {
				// \r\n and a lone \r both end a line.
				units[n] = '\n'
				n++
				pos++
				if pos < len(src) && src[pos] == '\n' {
					pos++
				}
				continue
			}
			r, size := decodeRune(src[pos:])
			pos += size
			if r >= 0x10000 {
				hi, lo := utf16.EncodeRune(r)
				units[n], units[n+1] = uint16(hi), uint16(lo)
				n += 2
				continue
			}
			units[n] = uint16(r)
			n++
		}
		if pos == len(src) {
			// A -1 sentinel ends the text.
			units[n] = eof
			n++
			atEOF = true
		}
		for _, u := range units[:n] {
			unit := uint64(u)
			if l := lineAt[index]; l != 0 {
				t.set(l, hash)
				lineAt[index] = 0
				if l >= last {
					return t
				}
			}
			if lineStart {
				line++
				lineAt[index] = line
			}
			lineStart = unit == '\n'
			oldest := window[index]
			window[index] = unit
			hash = base*hash + unit - firstMod*oldest
			if index++; index == blockSize {
				index = 0
			}
		}
	}
	// Zeros pad the last windows.
	for i := 0; i < blockSize; i++ {
		if l := lineAt[index]; l != 0 {
			t.set(l, hash)
			lineAt[index] = 0
			if l >= last {
				return t
			}
		}
		oldest := window[index]
		window[index] = 0
		hash = base*hash - firstMod*oldest
		if index++; index == blockSize {
			index = 0
		}
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
