package sarif

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// A SARIF log of a large code base is mostly results (thousands, ~2 KB each
// once indented), so Write encodes the small envelope with encoding/json and
// streams the results after it with a hand-written encoder: no whole-document
// buffer, no second indentation pass, no reflection per result. Results are
// encoded in chunks on every core and written in input order, so the bytes do
// not depend on scheduling. TestWriteMatchesEncoder and FuzzWrite hold the
// output byte for byte to what json.Encoder gives for build(in).

const (
	// resultsPerChunk is small enough to spread a few thousand results over
	// the cores and large enough that a chunk costs more than its hand-off.
	resultsPerChunk = 64
	// resultDepth is the indentation depth of a result object, inside
	// log → runs → run → results.
	resultDepth = 4
	// emptyResultsEnd is how the envelope ends when its results are empty:
	// results is the last field of the only run.
	emptyResultsEnd = "\"results\": []\n    }\n  ]\n}\n"
	// resultsEnd closes a non-empty results array and the rest of the log.
	resultsEnd = "\n      ]\n    }\n  ]\n}\n"
)

func (p *prepared) write(w io.Writer) error {
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p.envelope()); err != nil {
		return err
	}
	doc := head.Bytes()
	if len(p.shown) == 0 {
		_, err := w.Write(doc)
		return err
	}
	if !bytes.HasSuffix(doc, []byte(emptyResultsEnd)) {
		return errors.New("sarif: the log envelope does not end with its results")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(doc[:len(doc)-len(emptyResultsEnd)])
	bw.WriteString(`"results": [`)
	if err := p.writeResults(bw); err != nil {
		return err
	}
	bw.WriteString(resultsEnd)
	return bw.Flush()
}

// appendResults appends results lo..hi-1 as members of the results array,
// each after its separator.
func (p *prepared) appendResults(dst []byte, b *builder, lo, hi int) []byte {
	out := jsonOut{buf: dst, depth: resultDepth}
	// Every chunk but the first continues the array.
	out.empty = lo == 0
	for i := lo; i < hi; i++ {
		f := &p.shown[i]
		res := b.result(f, p.ruleIndex[f.RuleID])
		out.next()
		out.result(&res)
	}
	return out.buf
}

// writeResults writes every result to w in order.
func (p *prepared) writeResults(w *bufio.Writer) error {
	return encodeInOrder(len(p.shown), resultsPerChunk,
		func() encodeFunc {
			b := p.builder.fork()
			return func(dst []byte, lo, hi int) []byte { return p.appendResults(dst, b, lo, hi) }
		},
		func(chunk []byte) error {
			_, err := w.Write(chunk)
			return err
		})
}

// encodeFunc appends the encoding of items lo..hi-1 to dst.
type encodeFunc func(dst []byte, lo, hi int) []byte

// encodeInOrder encodes items 0..n-1 in chunks of chunkSize and passes each
// chunk's bytes to write, in order. With more than one chunk and more than
// one core, GOMAXPROCS workers, each with its own encodeFunc from
// newEncoder, encode chunks while write takes the finished ones; at most
// 2×workers chunks are held at once. A failed write stops the encoding and
// is returned; a panic in a worker is raised again in the caller, where the
// CLI's recover reports it.
func encodeInOrder(n, chunkSize int, newEncoder func() encodeFunc, write func([]byte) error) error {
	chunks := (n + chunkSize - 1) / chunkSize
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 {
		encode := newEncoder()
		var buf []byte
		for lo := 0; lo < n; lo += chunkSize {
			buf = encode(buf[:0], lo, min(lo+chunkSize, n))
			if err := write(buf); err != nil {
				return err
			}
		}
		return nil
	}

	type chunk struct {
		lo, hi int
		buf    []byte
		panic  any
		done   chan struct{}
	}
	window := 2 * workers
	jobs := make(chan *chunk, window)
	inOrder := make(chan *chunk, window)
	spare := make(chan []byte, window+workers)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	// On an early return the feeder stops and the workers finish what they
	// hold; waiting for them keeps every read of the input inside the call.
	defer wg.Wait()
	defer close(stop)

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		defer close(inOrder)
		for lo := 0; lo < n; lo += chunkSize {
			c := &chunk{lo: lo, hi: min(lo+chunkSize, n), done: make(chan struct{})}
			select {
			case c.buf = <-spare:
			default:
			}
			select {
			case inOrder <- c:
			case <-stop:
				return
			}
			// Workers never block on anything but jobs, so this send
			// only waits for one of them to take an earlier chunk.
			jobs <- c
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			encode := newEncoder()
			for c := range jobs {
				func() {
					defer close(c.done)
					defer func() { c.panic = recover() }()
					c.buf = encode(c.buf[:0], c.lo, c.hi)
				}()
			}
		}()
	}
	for c := range inOrder {
		<-c.done
		if c.panic != nil {
			panic(c.panic)
		}
		if err := write(c.buf); err != nil {
			return err
		}
		select {
		case spare <- c.buf:
		default:
		}
	}
	return nil
}

// parallel calls do(i) for every i in 0..n-1 on up to GOMAXPROCS goroutines
// and returns when all calls have; a panic in one is raised again in the
// caller once all have returned.
func parallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			do(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed sync.Once
	var panicked any
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					failed.Do(func() { panicked = r })
				}
			}()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		}()
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}

// jsonOut appends JSON laid out as json.Encoder with SetIndent("", "  ") lays
// it out: a newline and two spaces per depth before every member and before
// the closing bracket of a non-empty object or array; empty ones stay {} and
// [].
type jsonOut struct {
	buf   []byte
	depth int
	// empty says the innermost open object or array has no member yet.
	empty bool
}

// newlines is a newline followed by enough indentation for any depth here.
const newlines = "\n                                                                "

func (o *jsonOut) newline() {
	if n := 1 + 2*o.depth; n <= len(newlines) {
		o.buf = append(o.buf, newlines[:n]...)
		return
	}
	o.buf = append(o.buf, '\n')
	for range o.depth {
		o.buf = append(o.buf, ' ', ' ')
	}
}

func (o *jsonOut) open(bracket byte) {
	o.buf = append(o.buf, bracket)
	o.depth++
	o.empty = true
}

func (o *jsonOut) close(bracket byte) {
	o.depth--
	if !o.empty {
		o.newline()
	}
	o.buf = append(o.buf, bracket)
	o.empty = false
}

// next starts a member of the innermost object or array.
func (o *jsonOut) next() {
	if !o.empty {
		o.buf = append(o.buf, ',')
	}
	o.empty = false
	o.newline()
}

// key starts an object member; keys here never need escaping.
func (o *jsonOut) key(k string) {
	o.next()
	o.buf = append(o.buf, '"')
	o.buf = append(o.buf, k...)
	o.buf = append(o.buf, '"', ':', ' ')
}

func (o *jsonOut) string(s string) { o.buf = appendJSONString(o.buf, s) }

func (o *jsonOut) int(n int) { o.buf = strconv.AppendInt(o.buf, int64(n), 10) }

func (o *jsonOut) null() { o.buf = append(o.buf, "null"...) }

// The methods below follow the struct declarations in sarif.go field by
// field: the same order, and omitempty fields left out when empty.

func (o *jsonOut) result(r *result) {
	o.open('{')
	o.key("ruleId")
	o.string(r.RuleID)
	o.key("ruleIndex")
	o.int(r.RuleIndex)
	o.key("level")
	o.string(r.Level)
	o.key("message")
	o.text(&r.Message)
	o.key("locations")
	o.locations(r.Locations)
	if len(r.RelatedLocations) > 0 {
		o.key("relatedLocations")
		o.locations(r.RelatedLocations)
	}
	o.key("partialFingerprints")
	o.open('{')
	if r.PartialFingerprints.LineHash != "" {
		o.key(LineHashKey)
		o.string(r.PartialFingerprints.LineHash)
	}
	o.key(policies.FingerprintKey)
	o.string(r.PartialFingerprints.ID)
	o.close('}')
	if len(r.Suppressions) > 0 {
		o.key("suppressions")
		o.open('[')
		for i := range r.Suppressions {
			o.next()
			o.suppression(&r.Suppressions[i])
		}
		o.close(']')
	}
	o.close('}')
}

func (o *jsonOut) text(t *text) {
	o.open('{')
	o.key("text")
	o.string(t.Text)
	o.close('}')
}

func (o *jsonOut) locations(locs []location) {
	if locs == nil {
		o.null()
		return
	}
	o.open('[')
	for i := range locs {
		o.next()
		o.location(&locs[i])
	}
	o.close(']')
}

func (o *jsonOut) location(l *location) {
	o.open('{')
	if l.ID != nil {
		o.key("id")
		o.int(*l.ID)
	}
	if pl := l.PhysicalLocation; pl != nil {
		o.key("physicalLocation")
		o.open('{')
		o.key("artifactLocation")
		o.open('{')
		o.key("uri")
		o.string(pl.ArtifactLocation.URI)
		if pl.ArtifactLocation.URIBaseID != "" {
			o.key("uriBaseId")
			o.string(pl.ArtifactLocation.URIBaseID)
		}
		o.close('}')
		if r := pl.Region; r != nil {
			o.key("region")
			o.open('{')
			o.key("startLine")
			o.int(r.StartLine)
			o.key("startColumn")
			o.int(r.StartColumn)
			o.key("endLine")
			o.int(r.EndLine)
			o.key("endColumn")
			o.int(r.EndColumn)
			o.close('}')
		}
		o.close('}')
	}
	if len(l.LogicalLocations) > 0 {
		o.key("logicalLocations")
		o.open('[')
		for _, ll := range l.LogicalLocations {
			o.next()
			o.open('{')
			o.key("fullyQualifiedName")
			o.string(ll.FullyQualifiedName)
			o.key("kind")
			o.string(ll.Kind)
			o.close('}')
		}
		o.close(']')
	}
	if l.Message != nil {
		o.key("message")
		o.text(l.Message)
	}
	o.close('}')
}

func (o *jsonOut) suppression(s *suppression) {
	o.open('{')
	o.key("kind")
	o.string(s.Kind)
	o.key("status")
	o.string(s.Status)
	if s.Justification != "" {
		o.key("justification")
		o.string(s.Justification)
	}
	if s.Location != nil {
		o.key("location")
		o.location(s.Location)
	}
	o.close('}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json does
// without HTML escaping: quote, backslash and control characters escaped
// (\b \f \n \r \t short, the rest as \u00XX), each invalid UTF-8 byte as
// \ufffd, and U+2028 and U+2029 escaped since JavaScript reads them as line
// ends.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
