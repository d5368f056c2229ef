package policies

import (
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/phi"
)

// PHIInTags finds PHI-like content in the tags of every AWS resource the three
// naming rules do not already cover.
var PHIInTags = &Rule{
	ID:    "aws-phi-in-tags",
	Title: "Resource tags hold no PHI-like content",
	Description: `Tags are metadata: AWS does not encrypt them with the resource's key, and they are ` +
		`copied into billing reports, Cost Explorer, AWS Config, CloudTrail events and the Terraform ` +
		`state. The whitepaper's rule for S3, Glacier and DynamoDB metadata (no PHI, because it is not ` +
		`encrypted) holds for every tag, so this rule extends it to all AWS resources. A tag value ` +
		`shaped like an SSN, e-mail address, phone number, MBI, medical record number or date of birth, ` +
		`or a tag key naming a PHI field (patient_email, DateOfBirth), is a finding. Values are never ` +
		`repeated in messages.`,
	Severity:  Medium,
	Section:   "Encryption and Protection of PHI in AWS",
	Citations: []string{CiteEncryption},
	Service:   "tagging",
	Resources: []string{"aws_*"},
	Remediation: "Keep PHI out of tags; tag with opaque identifiers that mean something only inside " +
		"an encrypted system of record:\n\n" +
		"```hcl\nresource \"aws_sqs_queue\" \"intake\" {\n  tags = {\n    DataClassification = \"phi\"\n    CaseRef            = \"c-7f3a9e\"\n  }\n}\n```\n\n" +
		"A false positive (a team mailbox, say) can be allowed in the config: " +
		"`phi { allow = [\"*@ops.example.org\"] }`.",
	Bad: `resource "aws_sqs_queue" "intake" {
  tags = {
    PatientEmail = "jane.doe@gmail.com"
  }
}`,
	Good: `resource "aws_sqs_queue" "intake" {
  tags = {
    DataClassification = "phi"
  }
}`,
	Notes: []string{
		"Checks `tags` at any depth (launch template `tag_specifications`, volume blocks) and `aws_autoscaling_group` `tag` blocks and legacy `tags` lists; never `tags_all`, which repeats the provider's `default_tags`.",
		"`aws_s3_bucket`, the S3 object resources, `aws_glacier_vault` and `aws_dynamodb_table` are left to aws-s3-phi-in-names, aws-glacier-phi-in-names and aws-dynamodb-phi-in-keys, so a tag is reported once.",
		"Tag keys are checked for PHI field names and value shapes, tag values for value shapes only. The config's `phi { extra_keywords, allow }` extends and narrows both.",
		"Same in both profiles.",
	},
	Check: checkPHIInTags,
}

// phiNamingTypes are the resource types whose tags the naming rules check.
var phiNamingTypes = map[string]bool{
	"aws_s3_bucket":        true,
	"aws_s3_object":        true,
	"aws_s3_bucket_object": true,
	"aws_s3_object_copy":   true,
	"aws_glacier_vault":    true,
	"aws_dynamodb_table":   true,
}

const tagsFix = "tags are not encrypted and are copied into billing, Config and CloudTrail records; keep PHI out of them"

func checkPHIInTags(p *Pass, r *graph.Resource) {
	if phiNamingTypes[r.Type] {
		return
	}
	var tagAttrs []*graph.Attribute
	r.Body.AllAttributes(func(a *graph.Attribute) {
		if a.Name == "tags" {
			tagAttrs = append(tagAttrs, a)
		}
	})
	for _, a := range tagAttrs {
		// Nested tags are named by their path (root_block_device[0].tags),
		// which holds block indexes, never values.
		checkPHIMap(p, r, a, a.Path, tagsFix)
	}
	for _, b := range r.Blocks("tag") {
		checkPHITagBlock(p, r, b)
	}
}

// checkPHITagBlock checks an aws_autoscaling_group `tag { key, value }` block.
func checkPHITagBlock(p *Pass, r *graph.Resource, b *graph.Block) {
	var found []phi.Match
	unknown := false
	det := phi.Default()
	for _, part := range []struct {
		name   string
		asName bool
	}{{"key", true}, {"value", false}} {
		a := b.Attr(part.name)
		if a == nil {
			continue
		}
		if !a.Value.IsWhollyKnown() {
			if ms := prefixMatches(a.Value, part.asName); len(ms) > 0 {
				found = append(found, ms...)
			} else {
				unknown = true
			}
			continue
		}
		s, ok := a.String()
		if !ok {
			continue
		}
		if part.asName {
			found = append(found, det.FindName(s)...)
		} else {
			found = append(found, det.Find(s)...)
		}
	}
	switch {
	case len(found) > 0:
		p.Report(r, b, "tag holds %s; %s", phi.Describe(found), tagsFix)
	case unknown:
		p.Undetermined(r, b, "tag is not known before apply, so it cannot be checked for PHI-like content")
	}
}

// checkPHIString reports PHI-like content in a string attribute. asName says
// the string names a field (a DynamoDB key attribute), so PHI field names
// count as well as value shapes.
func checkPHIString(p *Pass, r *graph.Resource, a *graph.Attribute, what, fix string, asName bool) {
	if a == nil {
		return
	}
	if !a.Value.IsWhollyKnown() {
		if ms := prefixMatches(a.Value, asName); len(ms) > 0 {
			p.Report(r, a, "%s contains %s; %s", what, phi.Describe(ms), fix)
			return
		}
		p.Undetermined(r, a, "%s is not known before apply, so it cannot be checked for PHI-like content", what)
		return
	}
	s, ok := a.String()
	if !ok {
		return
	}
	if ms := phiMatches(s, asName); len(ms) > 0 {
		p.Report(r, a, "%s contains %s; %s", what, phi.Describe(ms), fix)
	}
}

// prefixMatches checks the known beginning of a string that is not known as
// a whole: "exports/123-45-6789/${random_pet.x.id}" holds an SSN whatever
// the suffix turns out to be. A match counts only when the bytes its edge
// checks look at are known: the byte after it, and after a dash or dot the
// next one too ("123-45-6789-" may go on as a longer number).
func prefixMatches(v cty.Value, asName bool) []phi.Match {
	if v == cty.NilVal || v.IsKnown() || v.IsMarked() || !v.Type().Equals(cty.String) {
		return nil
	}
	prefix := v.Range().StringPrefix()
	var out []phi.Match
	for _, m := range phiMatches(prefix, asName) {
		margin := 1
		if m.End < len(prefix) && (prefix[m.End] == '-' || prefix[m.End] == '.') {
			margin = 2
		}
		if m.End <= len(prefix)-margin {
			out = append(out, m)
		}
	}
	return out
}

func phiMatches(s string, asName bool) []phi.Match {
	if asName {
		return phi.Default().FindName(s)
	}
	return phi.Default().Find(s)
}

// checkPHIMap reports PHI-like content in a map of strings (tags, object
// metadata): keys may name PHI fields or hold values, values may hold values.
// One finding per attribute, naming every kind found, so the finding's
// fingerprint (rule, address, path) stays one per attribute.
func checkPHIMap(p *Pass, r *graph.Resource, a *graph.Attribute, what, fix string) {
	if a == nil {
		return
	}
	found, unknown := scanPHIPairs(a.Value)
	switch {
	case len(found) > 0:
		verb := "hold"
		if !strings.HasSuffix(what, "s") {
			verb = "holds" // "object metadata holds", "bucket tags hold"
		}
		p.Report(r, a, "%s %s %s; %s", what, verb, phi.Describe(found), fix)
	case unknown:
		p.Undetermined(r, a, "%s are not known before apply, so they cannot be checked for PHI-like content", what)
	}
}

// scanPHIPairs walks a map or object of strings, or a list of {key, value}
// objects (the legacy autoscaling `tags`), in key order. unknown reports a
// key or value not known before apply.
func scanPHIPairs(v cty.Value) (found []phi.Match, unknown bool) {
	if v == cty.NilVal || !v.IsKnown() {
		return nil, true
	}
	if v.IsNull() {
		return nil, false
	}
	det := phi.Default()
	scanValue := func(ev cty.Value) {
		if !ev.IsWhollyKnown() {
			if ms := prefixMatches(ev, false); len(ms) > 0 {
				found = append(found, ms...)
			} else {
				unknown = true
			}
			return
		}
		if s, ok := graph.StringOf(ev); ok {
			found = append(found, det.Find(s)...)
		}
	}
	ty := v.Type()
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		keys := make([]string, 0, v.LengthInt())
		elems := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if !k.IsKnown() || k.IsNull() {
				unknown = true
				continue
			}
			key := k.AsString()
			keys = append(keys, key)
			elems[key] = ev
		}
		sort.Strings(keys)
		for _, key := range keys {
			found = append(found, det.FindName(key)...)
			scanValue(elems[key])
		}
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			if !ev.IsKnown() {
				unknown = true
				continue
			}
			if ev.IsNull() || !(ev.Type().IsObjectType() || ev.Type().IsMapType()) {
				continue
			}
			pair := pairOf(ev)
			if !pair.known {
				unknown = true
			}
			if pair.key != "" {
				found = append(found, det.FindName(pair.key)...)
			}
			if pair.value.IsKnown() {
				scanValue(pair.value)
			}
		}
	}
	return found, unknown
}

type tagPair struct {
	key   string
	value cty.Value
	known bool
}

// pairOf reads {key = ..., value = ...} from a legacy tags list element.
func pairOf(ev cty.Value) tagPair {
	out := tagPair{value: cty.NullVal(cty.String), known: true}
	get := func(name string) (cty.Value, bool) {
		if ev.Type().IsObjectType() {
			if !ev.Type().HasAttribute(name) {
				return cty.NilVal, false
			}
			return ev.GetAttr(name), true
		}
		k := cty.StringVal(name)
		if has := ev.HasIndex(k); has.IsKnown() && has.True() {
			return ev.Index(k), true
		}
		return cty.NilVal, false
	}
	if k, ok := get("key"); ok {
		if !k.IsWhollyKnown() {
			out.known = false
		} else if s, ok := graph.StringOf(k); ok {
			out.key = s
		}
	}
	if v, ok := get("value"); ok {
		if !v.IsWhollyKnown() {
			out.known = false
		} else {
			out.value = v
		}
	}
	return out
}
