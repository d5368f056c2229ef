package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"
	tfjson "github.com/hashicorp/terraform-json"
)

// planDoc is the part of `terraform show -json` output the graph needs. It
// reuses the terraform-json types for values and configuration, but leaves
// out what no rule reads (before, after, prior_state's outputs, checks):
// encoding/json skips undeclared keys without allocating, which is most of
// what keeps a large plan fast to load.
type planDoc struct {
	FormatVersion    string               `json:"format_version"`
	TerraformVersion string               `json:"terraform_version"`
	PlannedValues    *tfjson.StateValues  `json:"planned_values"`
	Values           *tfjson.StateValues  `json:"values"`
	ResourceChanges  []*planResourceDelta `json:"resource_changes"`
	PriorState       *planPriorState      `json:"prior_state"`
	Configuration    *planConfig          `json:"configuration"`
}

// planPriorState mirrors tfjson.State without its UnmarshalJSON, whose nested
// decoder would report error offsets relative to the state object.
type planPriorState struct {
	Values *tfjson.StateValues `json:"values"`
}

// planConfig mirrors tfjson.Config for the same reason as planPriorState.
type planConfig struct {
	ProviderConfig map[string]*tfjson.ProviderConfig `json:"provider_config"`
	RootModule     *tfjson.ConfigModule              `json:"root_module"`
}

type planResourceDelta struct {
	Address string `json:"address"`
	// Deposed names an old object kept while its replacement is created; it
	// is being destroyed and is not what the plan builds.
	Deposed string          `json:"deposed"`
	Change  planDeltaChange `json:"change"`
}

type planDeltaChange struct {
	Actions      []string `json:"actions"`
	AfterUnknown any      `json:"after_unknown"`
}

// planFormatConstraint is the range of format versions whose layout this
// loader knows, as terraform-json accepts them.
var planFormatConstraint = version.MustConstraints(version.NewConstraint(">= 0.1, < 2.0"))

// planDecode parses data into a planDoc, turning every failure into one
// diagnostic that names the file and, when the JSON says where, the line and column.
func planDecode(name string, data []byte) (*planDoc, hcl.Diagnostics) {
	fail := func(detail string, offset int64) hcl.Diagnostics {
		rng := planOffsetRange(name, data, offset)
		if offset >= 0 {
			detail = fmt.Sprintf("%s:%d:%d: %s", name, rng.Start.Line, rng.Start.Column, detail)
		} else {
			detail = name + ": " + detail
		}
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid plan JSON",
			Detail:   detail,
			Subject:  &rng,
		}}
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, fail("the file is empty; expected the output of `terraform show -json`", -1)
	}
	if trimmed[0] != '{' {
		if json.Valid(trimmed) {
			return nil, fail("not a Terraform plan or state: the top level is not a JSON object", -1)
		}
	}
	var doc planDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	// Numbers stay exact (json.Number → cty.Number), as Terraform keeps them.
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			// Offset counts the offending byte as read; point at it.
			return nil, fail("JSON syntax error: "+syn.Error(), max(syn.Offset-1, 0))
		case errors.As(err, &typ):
			field := typ.Field
			if field == "" {
				field = "the top level"
			}
			return nil, fail(fmt.Sprintf("wrong type: %s is a JSON %s, expected %s", field, typ.Value, planGoTypeName(typ.Type.String())), typ.Offset)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return nil, fail("JSON syntax error: unexpected end of JSON input", int64(len(data)))
		}
		return nil, fail(err.Error(), -1)
	}
	// Trailing data after the object means the file is not one JSON document.
	if _, err := dec.Token(); err == nil {
		return nil, fail("JSON syntax error: data after the top-level object", dec.InputOffset())
	}
	if doc.FormatVersion == "" {
		return nil, fail("not a Terraform plan or state: no format_version (expected the output of `terraform show -json`)", -1)
	}
	v, err := version.NewVersion(doc.FormatVersion)
	if err != nil || !planFormatConstraint.Check(v) {
		return nil, fail(fmt.Sprintf("unsupported format_version %q (this tool reads 0.x and 1.x)", doc.FormatVersion), -1)
	}
	if doc.PlannedValues == nil && doc.Values == nil && doc.ResourceChanges == nil {
		return nil, fail("not a Terraform plan or state: no planned_values, values or resource_changes", -1)
	}
	return &doc, nil
}

// planGoTypeName renders a Go type from a decode error in JSON terms.
func planGoTypeName(t string) string {
	switch {
	case strings.HasPrefix(t, "map[") || strings.HasPrefix(t, "struct") || strings.Contains(t, "."):
		if strings.HasPrefix(t, "[]") {
			return "an array"
		}
		return "an object"
	case strings.HasPrefix(t, "[]"):
		return "an array"
	case t == "string":
		return "a string"
	case t == "bool":
		return "a boolean"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint") || strings.HasPrefix(t, "float"):
		return "a number"
	}
	return t
}

// planOffsetRange is the position of byte offset in data; offset < 0 means
// the start of the file.
func planOffsetRange(name string, data []byte, offset int64) hcl.Range {
	if offset < 0 {
		return hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
	}
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	prefix := data[:offset]
	line := bytes.Count(prefix, []byte{'\n'}) + 1
	col := int(offset) - (bytes.LastIndexByte(prefix, '\n') + 1) + 1
	pos := hcl.Pos{Line: line, Column: col, Byte: int(offset)}
	return hcl.Range{Filename: name, Start: pos, End: pos}
}
