// Package schematest compiles the JSON schemas the tests check output and
// configuration against (SARIF 2.1.0, goreleaser's), each kept in a
// testdata folder so the tests need nothing outside the repository.
package schematest

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compile reads and compiles the schema in file. "format" keywords are
// asserted too (date-time, uri, ...), not only annotated.
func Compile(t testing.TB, file string) *jsonschema.Schema {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(abs)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	loc := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if err := c.AddResource(loc, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(loc)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return s
}

// Validate checks a JSON document against s. A document that is not JSON
// at all fails t rather than returning an error.
func Validate(t testing.TB, s *jsonschema.Schema, doc []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return s.Validate(inst)
}
