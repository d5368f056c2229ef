package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// planMaxBytes bounds what loadPlan reads: a plan beyond it is refused with a
// message instead of exhausting memory. Real plans of tens of thousands of
// resources stay far below it.
const planMaxBytes = 1 << 31

// isPlanJSON answers whether data is `terraform show -json` output: a top-level
// object with format_version and planned_values, values or resource_changes.
// It walks only the top-level keys and skips their values without decoding
// them, so it stays cheap on a large file that is not a plan.
func isPlanJSON(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return false
	}
	hasVersion, hasBody := false, false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		key, ok := tok.(string)
		if !ok {
			return false
		}
		switch key {
		case "format_version":
			hasVersion = true
		case "planned_values", "values", "resource_changes":
			hasBody = true
		}
		if hasVersion && hasBody {
			return true
		}
		if err := planSkipValue(dec); err != nil {
			return false
		}
	}
	return false
}

// planSkipValue consumes one JSON value from dec without building it.
func planSkipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// loadPlan builds the graph of one plan or state file. The file name in
// ranges is made relative to opts.WorkDir. files receives every file read.
func loadPlan(path string, opts Options, files map[string][]byte) (*graph.Graph, hcl.Diagnostics) {
	name := planRelName(opts.WorkDir, path)
	data, err := planReadFile(path)
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read plan file",
			Detail:   fmt.Sprintf("%s: %v", name, err),
			Subject:  &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos},
		}}
	}
	if files != nil {
		files[name] = data
	}
	doc, diags := planDecode(name, data)
	if diags.HasErrors() {
		return nil, diags
	}
	b := newPlanBuilder(name, path, data, doc, opts, files)
	g, more := b.build()
	return g, append(diags, more...)
}

func planReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if st.Size() > planMaxBytes {
		return nil, fmt.Errorf("file is %d bytes, larger than the %d bytes a plan may have", st.Size(), int64(planMaxBytes))
	}
	// Read into one buffer of the file's size (a large plan is hundreds of
	// megabytes; growing a buffer would copy it several times), through a
	// limit as well: a pipe or special file has no size.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, planMaxBytes+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if len(data) > planMaxBytes {
		return nil, fmt.Errorf("file is larger than the %d bytes a plan may have", int64(planMaxBytes))
	}
	return data, nil
}

// planRelName is the name of path in ranges: relative to workDir (the current
// directory when empty), with forward slashes; absolute when it lies on
// another volume.
func planRelName(workDir, path string) string {
	base := workDir
	if base == "" {
		base = "."
	}
	absBase, err1 := filepath.Abs(base)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(filepath.Clean(path))
	}
	rel, err := filepath.Rel(absBase, absPath)
	if err != nil {
		return filepath.ToSlash(absPath)
	}
	return strings.TrimPrefix(filepath.ToSlash(rel), "./")
}
