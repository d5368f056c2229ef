package sarif

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// lineHashVectors come from two places:
//   - "upstream:" cases are the test vectors of github/codeql-action's
//     src/fingerprints.test.ts ("hash" test) and of its end-to-end fixtures
//     src/testdata/testFile1.js and testFile2.js (fingerprinting.expected.sarif);
//   - "derived:" cases cover what upstream's tests do not (non-ASCII text,
//     astral characters, a BOM, invalid UTF-8). Their expected values were
//     produced by running upstream's own hash() from src/fingerprints.ts under
//     Node 20 (with 64-bit BigInt arithmetic standing in for the "long"
//     package) on these exact bytes, not by this implementation.
var lineHashVectors = []struct {
	name string
	src  string
	want []string
}{
	{"upstream: empty file", "", []string{"c129715d7a2bc9a3:1"}},
	{"upstream: mixed indentation, last line without newline", " a\nb\n  \t\tc\n d", []string{
		"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1",
	}},
	{"upstream: blank lines, no trailing newline", " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End", []string{
		"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
		"b86d3392aea1be30:1", "e6ceba753e1a442:1",
	}},
	{"upstream: trailing LF", " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", helloWant},
	{"upstream: CR line endings", " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", helloWant},
	{"upstream: CRLF line endings", " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", helloWant},
	{"upstream: mixed line endings", " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", helloWant},
	{"upstream: repeated line", strings.Repeat("Lorem ipsum dolor sit amet.\n", 10), []string{
		"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
		"a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
		"55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
	}},
	{"upstream: short lines near the end of file", "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n", []string{
		"e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
		"54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1",
	}},
	{"derived: Latin-1 letters", "tags = { Name = \"café\" }\n", []string{"1a8dd7cc252e5126:1", "c129715d7a2bc9a3:1"}},
	{"derived: CJK, last line without newline", "名前 = \"患者\"\nx = 1", []string{"bf62b7931ae893da:1", "d38b34bb229aa761:1"}},
	{"derived: astral character (surrogate pair), CRLF", "emoji = \"🔒\"\r\n  end", []string{"836d1c2815498eb4:1", "43b6461eda086fe2:1"}},
	{"derived: BOM and HCL", "\ufeffresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"naïve\"\n}\n", []string{
		"367dc5efe28d47:1", "d0d98c43ce26a384:1", "32dce9ccfdbc9d3e:1", "c129715d7a2bc9a3:1",
	}},
	{"derived: accents and tabs, single line", "résumé\tÜber  ñ", []string{"ec8e1f5fdd83b0ce:1"}},
	{"derived: truncated 3-byte sequence", "a = \"\xe6\x97\"\nb\n", []string{"a3d171feb1cacae4:1", "ade70578248be16f:1", "c129715d7a2bc9a3:1"}},
	{"derived: invalid bytes", "x\xff\xfey\nz", []string{"43ac2a5eb4bfcfee:1", "76dcabf80cb35c79:1"}},
	{"derived: truncated 4-byte sequence", "\xf0\x9f\x94\nq", []string{"ef644923e094d5b7:1", "9fe00a866ef87334:1"}},
	{"derived: encoded surrogate", "\xed\xa0\x80 s\n", []string{"c21da992e09d4bbb:1", "c129715d7a2bc9a3:1"}},
}

var helloWant = []string{
	"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
	"b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
}

func TestLineHashesMatchUpstream(t *testing.T) {
	for _, tc := range lineHashVectors {
		t.Run(tc.name, func(t *testing.T) {
			got := LineHashes([]byte(tc.src))
			if len(got)-1 != len(tc.want) {
				t.Fatalf("got %d lines %q, want %d", len(got)-1, got[1:], len(tc.want))
			}
			for i, w := range tc.want {
				if got[i+1] != w {
					t.Errorf("line %d: got %s, want %s", i+1, got[i+1], w)
				}
			}
		})
	}
}

// The upstream end-to-end fixture: codeql-action fingerprints line 1 of
// testFile1.js and line 2 of testFile2.js.
func TestLineHashesUpstreamFixtures(t *testing.T) {
	file1 := "var a = 0;\nvar b = 0;\nvar c = 0;\nvar d = 0;\n"
	file2 := "var foo = 0;\nvar bar = 0;\nvar baz = 0;\nvar qux = 0;\n"
	if got := LineHashes([]byte(file1))[1]; got != "5e4d5a9cf1294ad9:1" {
		t.Errorf("testFile1.js:1 = %s, want 5e4d5a9cf1294ad9:1", got)
	}
	if got := LineHashes([]byte(file2))[2]; got != "f7592a95a9381ac0:1" {
		t.Errorf("testFile2.js:2 = %s, want f7592a95a9381ac0:1", got)
	}
}

// Whitespace inside a line does not change its hash; that is what makes the
// fingerprint survive reformatting.
func TestLineHashesIgnoreWhitespace(t *testing.T) {
	a := LineHashes([]byte("resource \"x\" \"y\" {\n  a = 1\n}\n"))
	b := LineHashes([]byte("resource  \"x\"\t\"y\"  {\n\t\ta=1\n}\n"))
	for i := 1; i < len(a); i++ {
		if a[i] != b[i] {
			t.Errorf("line %d: %s vs %s", i, a[i], b[i])
		}
	}
}

// Stopping at a line must not change any hash up to it, whatever the line
// endings, repeats and characters before it.
func TestHashLinesUpTo(t *testing.T) {
	srcs := []string{strings.Repeat("Lorem ipsum dolor sit amet.\n", 30), "x\r\n\r\ny\rz"}
	for _, v := range lineHashVectors {
		srcs = append(srcs, v.src)
	}
	for _, src := range srcs {
		full := LineHashes([]byte(src))
		for last := 1; last < len(full)+2; last++ {
			table := hashLinesUpTo([]byte(src), last)
			for n := 1; n <= last && n < len(full); n++ {
				if got := table.at(n); got != full[n] {
					t.Fatalf("%q up to line %d: line %d = %q, want %q", src, last, n, got, full[n])
				}
			}
		}
	}
}

// referenceLineHashes is the first, plainly written implementation of the
// algorithm (one closure per step), kept to hold the optimised hashLines to
// it on any input.
func referenceLineHashes(src []byte) []string {
	const (
		blockSize = 100
		base      = 37
		eof       = 65535
	)
	var firstMod uint64 = 1
	for i := 0; i < blockSize; i++ {
		firstMod *= base
	}

	hashes, occurrences := []uint64{0}, []int{0}
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
		for len(hashes) <= n {
			hashes = append(hashes, 0)
			occurrences = append(occurrences, 0)
		}
		hashes[n], occurrences[n] = hash, counts[hash]
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
	out := make([]string, len(hashes))
	for n := 1; n < len(out); n++ {
		out[n] = fmt.Sprintf("%x:%d", hashes[n], occurrences[n])
	}
	return out
}

func TestLineHashesMatchReference(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\r", "\r\n", "\n\r", "a", "xyz = 1", "é", "患", "🔒", "\xff", "\xe6\x97", "\ufeff", "\uffff", "\x00",
		strings.Repeat("long line without breaks ", 9)}
	rng := rand.New(rand.NewSource(1))
	for i := range 3000 {
		var src strings.Builder
		for range rng.Intn(1 + i/10) {
			src.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkAgainstReference(t, []byte(src.String()))
	}
	for _, v := range lineHashVectors {
		checkAgainstReference(t, []byte(v.src))
	}
}

func checkAgainstReference(t *testing.T, src []byte) {
	t.Helper()
	got, want := LineHashes(src), referenceLineHashes(src)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%q:\n got %q\nwant %q", src, got, want)
	}
}
