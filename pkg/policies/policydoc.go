package policies

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Resource policies reach a rule in three shapes: a JSON string (jsonencode(...)
// or a heredoc, evaluated by the loader), or a reference to a
// data.aws_iam_policy_document whose blocks the graph holds. This file reduces
// all three to the same statements so transport rules ask one question.

// policyStatement is one statement, reduced to what the rules ask about.
type policyStatement struct {
	// Effect is "Allow" or "Deny"; "" when not known statically.
	Effect     string
	Conditions []policyCondition
	// Unknown marks a statement whose conditions could not all be read
	// (a dynamic block over an unknown collection, an unknown value).
	Unknown bool
}

// policyCondition is one operator/key pair: `"Bool": {"aws:SecureTransport": "false"}`.
type policyCondition struct {
	Test   string
	Key    string
	Values []string
	// Unknown marks values (or the key) that are not known statically.
	Unknown bool
}

// policyDoc is a whole policy. Unknown marks a document that could not be read
// completely, so the absence of a statement cannot be concluded.
type policyDoc struct {
	Statements []policyStatement
	Unknown    bool
}

// maxPolicyDepth bounds source_policy_documents chains, which may refer to one another.
const maxPolicyDepth = 8

// readPolicyAttr reads the policy an attribute holds. The boolean is false when
// the attribute's policy cannot be read at all (an unknown value that is not a
// policy-document reference), which callers treat as undetermined.
func readPolicyAttr(p *Pass, a *graph.Attribute) (policyDoc, bool) {
	return readPolicyValue(p, a, 0)
}

func readPolicyValue(p *Pass, a *graph.Attribute, depth int) (policyDoc, bool) {
	if a == nil || depth > maxPolicyDepth {
		return policyDoc{}, false
	}
	// A known string wins: plans often carry the rendered JSON of a data
	// source, and jsonencode/heredocs are rendered by the loader.
	if s, partial, ok := a.JSON(); ok {
		doc, ok := parsePolicyJSON(s)
		// A jsonencode with values known only after apply (the bucket ARN
		// in Resource): the statements are readable, but an unknown Effect
		// or condition may be the Deny, so its absence is not a finding.
		doc.Unknown = doc.Unknown || partial
		return doc, ok
	}
	// Otherwise read the policy documents the value is made from. Other
	// references (a bucket ARN substituted into the JSON, a jsonencode
	// alternative) may add statements we cannot see: then a Deny found in
	// the documents still counts, but its absence is not a finding.
	var docs []*graph.Resource
	others := false
	for _, ref := range a.Refs {
		if !strings.HasPrefix(lastSegment(ref.Base), "aws_iam_policy_document.") || ref.Attr != "json" {
			others = true
			continue
		}
		// A document with no instance (count = 0) can only sit in a
		// conditional branch not taken: it adds nothing.
		docs = append(docs, p.Graph.Resolve(ref)...)
	}
	var doc policyDoc
	switch {
	case len(docs) == 0:
		return policyDoc{}, false
	case len(docs) == 1:
		doc = readPolicyDocument(p, docs[0], depth+1)
	case allSameAnswer(p, docs, depth):
		// Several candidates (a conditional, an unexpanded count) that
		// agree: the choice between them does not matter.
		doc = readPolicyDocument(p, docs[0], depth+1)
	default:
		return policyDoc{}, false
	}
	if others {
		doc.Unknown = true
	}
	return doc, true
}

// allSameAnswer reports whether every candidate document gives the same answer
// to the transport question, so the choice between them does not matter.
func allSameAnswer(p *Pass, docs []*graph.Resource, depth int) bool {
	first := deniesInsecureTransport(readPolicyDocument(p, docs[0], depth+1))
	for _, d := range docs[1:] {
		if deniesInsecureTransport(readPolicyDocument(p, d, depth+1)) != first {
			return false
		}
	}
	return first != graph.Unknown
}

// lastSegment drops a module prefix from a resource base address.
func lastSegment(base string) string {
	if i := strings.LastIndex(base, "data."); i >= 0 {
		return base[i+len("data."):]
	}
	return ""
}

// readPolicyDocument reads a data.aws_iam_policy_document's statement blocks and
// the documents it merges (source_policy_documents, override_policy_documents).
func readPolicyDocument(p *Pass, doc *graph.Resource, depth int) policyDoc {
	var out policyDoc
	if doc.Mode != graph.Data || doc.Type != "aws_iam_policy_document" || depth > maxPolicyDepth {
		out.Unknown = true
		return out
	}
	if doc.Body.HasUnknownBlocks("statement") {
		out.Unknown = true
	}
	for _, st := range doc.Blocks("statement") {
		if st.Unknown {
			continue
		}
		out.Statements = append(out.Statements, statementFromBlock(st))
	}
	// Merged documents add statements (overrides replace by sid; treating them
	// as additions can only make a Deny easier to find, never invent a finding).
	for _, name := range []string{"source_policy_documents", "override_policy_documents", "source_json", "override_json"} {
		a := doc.Attr(name)
		if a.IsSet() == graph.False {
			continue
		}
		merged, ok := readMergedDocuments(p, a, depth)
		if !ok {
			out.Unknown = true
			continue
		}
		out.Statements = append(out.Statements, merged.Statements...)
		out.Unknown = out.Unknown || merged.Unknown
	}
	return out
}

// readMergedDocuments reads a list (or single string) of policy JSON documents.
func readMergedDocuments(p *Pass, a *graph.Attribute, depth int) (policyDoc, bool) {
	v := a.Value
	if s, ok := graph.StringOf(v); ok && v.Type() == cty.String {
		return parsePolicyJSON(s)
	}
	var out policyDoc
	// Known elements are read as they are; unknown ones are usually
	// data.aws_iam_policy_document.x.json, read from the referenced documents.
	unknownElems, countable := 0, false
	if v.IsKnown() && !v.IsNull() && (v.Type().IsListType() || v.Type().IsTupleType() || v.Type().IsSetType()) {
		countable = true
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if !ev.IsWhollyKnown() {
				unknownElems++
				continue
			}
			s, ok := graph.StringOf(ev)
			if !ok {
				return policyDoc{}, false
			}
			d, ok := parsePolicyJSON(s)
			if !ok {
				return policyDoc{}, false
			}
			out.Statements = append(out.Statements, d.Statements...)
			out.Unknown = out.Unknown || d.Unknown
		}
		if unknownElems == 0 {
			return out, true
		}
	}
	read := 0
	for _, ref := range a.Refs {
		if !strings.HasPrefix(lastSegment(ref.Base), "aws_iam_policy_document.") || ref.Attr != "json" {
			// Something other than a policy document fills an unknown part.
			out.Unknown = true
			continue
		}
		targets := p.Graph.Resolve(ref)
		if len(targets) == 0 {
			// No instance (count = 0): a conditional branch not taken,
			// as in compact([var.attach ? data.x[0].json : "", ...]).
			continue
		}
		if len(targets) > 1 {
			out.Unknown = true
			continue
		}
		d := readPolicyDocument(p, targets[0], depth+1)
		out.Statements = append(out.Statements, d.Statements...)
		out.Unknown = out.Unknown || d.Unknown
		read++
	}
	// Every unknown element must be accounted for by a document read; a
	// wholly unknown list (compact() over unknowns) cannot be counted, so
	// what it lacks stays unknown while what it holds still counts.
	if !countable || read < unknownElems {
		out.Unknown = true
	}
	return out, true
}

func statementFromBlock(st *graph.Block) policyStatement {
	var out policyStatement
	effect := st.Attr("effect")
	switch {
	case effect == nil:
		out.Effect = "Allow" // the data source's documented default
	default:
		if s, ok := effect.String(); ok {
			out.Effect = s
		} else {
			out.Unknown = true
		}
	}
	if st.HasUnknownBlocks("condition") {
		out.Unknown = true
	}
	for _, c := range st.NestedBlocks("condition") {
		if c.Unknown {
			continue
		}
		pc := policyCondition{}
		var ok bool
		if pc.Test, ok = c.Attr("test").String(); !ok {
			pc.Unknown = true
		}
		if pc.Key, ok = c.Attr("variable").String(); !ok {
			pc.Unknown = true
		}
		vals, known := stringsOf(c.Attr("values"))
		pc.Values = vals
		pc.Unknown = pc.Unknown || !known
		out.Conditions = append(out.Conditions, pc)
	}
	return out
}

// stringsOf reads a list of strings (or a single string); false when not wholly known.
func stringsOf(a *graph.Attribute) ([]string, bool) {
	if a == nil {
		return nil, false
	}
	v := a.Value
	if !v.IsWhollyKnown() || v.IsNull() {
		return nil, false
	}
	if v.Type().IsListType() || v.Type().IsTupleType() || v.Type().IsSetType() {
		var out []string
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			s, ok := graph.StringOf(ev)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	if s, ok := graph.StringOf(v); ok {
		return []string{s}, true
	}
	return nil, false
}

// parsePolicyJSON reads a policy document. A string that is not a JSON policy
// is not readable (AWS would refuse it, but that is not this check's finding).
func parsePolicyJSON(s string) (policyDoc, bool) {
	var raw struct {
		Statement json.RawMessage
	}
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return policyDoc{}, false
	}
	var out policyDoc
	if len(raw.Statement) == 0 {
		return out, true
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw.Statement, &list); err != nil {
		// A single statement may be given as an object.
		list = []json.RawMessage{raw.Statement}
	}
	for _, item := range list {
		var st struct {
			Effect    any
			Condition map[string]map[string]any
		}
		if err := json.Unmarshal(item, &st); err != nil {
			out.Unknown = true
			continue
		}
		ps := policyStatement{}
		if e, ok := st.Effect.(string); ok {
			ps.Effect = e
		} else {
			ps.Unknown = true
		}
		tests := make([]string, 0, len(st.Condition))
		for t := range st.Condition {
			tests = append(tests, t)
		}
		sort.Strings(tests)
		for _, test := range tests {
			keys := make([]string, 0, len(st.Condition[test]))
			for k := range st.Condition[test] {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, key := range keys {
				vals, ok := jsonConditionValues(st.Condition[test][key])
				ps.Conditions = append(ps.Conditions, policyCondition{Test: test, Key: key, Values: vals, Unknown: !ok})
			}
		}
		out.Statements = append(out.Statements, ps)
	}
	return out, true
}

// jsonConditionValues reads a condition value: a string, a bool, or a list of them.
func jsonConditionValues(v any) ([]string, bool) {
	switch x := v.(type) {
	case string:
		return []string{x}, true
	case bool:
		if x {
			return []string{"true"}, true
		}
		return []string{"false"}, true
	case []any:
		var out []string
		for _, e := range x {
			vals, ok := jsonConditionValues(e)
			if !ok {
				return nil, false
			}
			out = append(out, vals...)
		}
		return out, true
	}
	return nil, false
}

// deniesInsecureTransport answers whether the policy has a Deny statement on
// `Bool aws:SecureTransport = false`, the documented way to refuse plain HTTP.
func deniesInsecureTransport(doc policyDoc) graph.Tri {
	answer := graph.False
	if doc.Unknown {
		answer = graph.Unknown
	}
	for _, st := range doc.Statements {
		effectKnown := st.Effect != ""
		isDeny := strings.EqualFold(st.Effect, "Deny")
		if effectKnown && !isDeny {
			continue
		}
		has := graph.False
		if st.Unknown {
			has = graph.Unknown
		}
		for _, c := range st.Conditions {
			has = graph.Or(has, conditionRequiresTLS(c))
		}
		if !effectKnown {
			has = graph.And(has, graph.Unknown)
		}
		answer = graph.Or(answer, has)
	}
	return answer
}

// conditionRequiresTLS answers whether the condition matches requests made
// without TLS: a Bool (or BoolIfExists) test of aws:SecureTransport against false.
func conditionRequiresTLS(c policyCondition) graph.Tri {
	if c.Unknown {
		if c.Test != "" && !isBoolTest(c.Test) {
			return graph.False
		}
		if c.Key != "" && !strings.EqualFold(c.Key, "aws:SecureTransport") {
			return graph.False
		}
		return graph.Unknown
	}
	if !isBoolTest(c.Test) || !strings.EqualFold(c.Key, "aws:SecureTransport") {
		return graph.False
	}
	for _, v := range c.Values {
		if strings.EqualFold(strings.TrimSpace(v), "false") {
			return graph.True
		}
	}
	return graph.False
}

func isBoolTest(test string) bool {
	return strings.EqualFold(test, "Bool") || strings.EqualFold(test, "BoolIfExists")
}
