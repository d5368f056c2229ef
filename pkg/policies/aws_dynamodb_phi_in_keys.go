package policies

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
	"github.com/tflint-hipaa/tflint-hipaa/pkg/phi"
)

// DynamoDBPHIInKeys keeps PHI out of DynamoDB key design: key attributes,
// indexes, table names and tags, and the key values of items Terraform writes.
var DynamoDBPHIInKeys = &Rule{
	ID:    "aws-dynamodb-phi-in-keys",
	Title: "DynamoDB keys and indexes are not designed around PHI",
	Description: `The whitepaper: "Careful consideration should be taken when selecting primary keys and ` +
		`when creating indexes such that unsecured PHI is not required for queries and scans in Amazon ` +
		`DynamoDB." Client-side encryption cannot encrypt key attributes, and keys show up in request ` +
		`logs, metrics and error messages. A hash, range or index key attribute named for a PHI field ` +
		`(ssn, patient_email, date_of_birth) is a finding: its values are PHI in plaintext keys. So are ` +
		`table and index names, tags and aws_dynamodb_table_item values shaped like an SSN, e-mail ` +
		`address, phone number, Medicare Beneficiary Identifier, medical record number or date of birth.`,
	Severity:  High,
	Section:   "Amazon DynamoDB",
	Citations: []string{CiteEncryption},
	Service:   "dynamodb",
	Resources: []string{"aws_dynamodb_table", "aws_dynamodb_table_item"},
	Remediation: "Key tables and indexes on opaque surrogate identifiers, and keep PHI in (client-side " +
		"encrypted) non-key attributes:\n\n" +
		"```hcl\nresource \"aws_dynamodb_table\" \"patients\" {\n  name     = \"patients\"\n  hash_key = \"patient_uuid\"\n\n  attribute {\n    name = \"patient_uuid\"\n    type = \"S\"\n  }\n}\n```",
	Bad: `resource "aws_dynamodb_table" "patients" {
  name     = "patients"
  hash_key = "ssn"

  attribute {
    name = "ssn"
    type = "S"
  }
}`,
	Good: `resource "aws_dynamodb_table" "patients" {
  name     = "patients"
  hash_key = "patient_uuid"

  attribute {
    name = "patient_uuid"
    type = "S"
  }
}`,
	Notes: []string{
		"Key attribute names (`hash_key`, `range_key`, index keys, GSI `key_schema`, and `attribute` names not already reported as a key) are checked for PHI field names and value shapes; table and index names for value shapes only (`patient-visits` describes, it does not contain PHI).",
		"`aws_dynamodb_table_item.item` is parsed as DynamoDB JSON: a value shape in a key attribute is reported as a key; in any other attribute too, because the value sits in the Terraform source and state.",
		"Projected `non_key_attributes` are not keys and are not checked.",
		"The config's `phi { extra_keywords, allow }` adds field names and allows known non-PHI strings.",
		"Same in both profiles.",
	},
	Check: checkDynamoDBPHIInKeys,
}

const dynamoKeyFix = "key on an opaque surrogate identifier instead: key attributes cannot be encrypted client-side and appear in plaintext in queries, logs and metrics"

func checkDynamoDBPHIInKeys(p *Pass, r *graph.Resource) {
	if r.Type == "aws_dynamodb_table_item" {
		checkDynamoItem(p, r)
		return
	}
	const nameFix = "rename it: table and index names are not encrypted"
	checkPHIString(p, r, r.Attr("name"), "table name", nameFix, false)
	// keyNames are the key attributes' names; unknownKeys the known
	// beginnings of names not known before apply, which an attribute
	// definition written with the same expression shares.
	keyNames, unknownKeys := map[string]bool{}, map[string]bool{}
	key := func(a *graph.Attribute, what string) {
		if s, ok := a.String(); ok {
			keyNames[s] = true
		} else if prefix, ok := unknownStringPrefix(a); ok {
			unknownKeys[prefix] = true
		}
		checkPHIString(p, r, a, what, dynamoKeyFix, true)
	}
	key(r.Attr("hash_key"), "hash key")
	key(r.Attr("range_key"), "range key")
	for _, b := range r.Blocks("global_secondary_index") {
		if b.Unknown {
			p.Undetermined(r, b, "global secondary indexes are not known before apply, so their keys cannot be checked for PHI-like content")
			continue
		}
		checkPHIString(p, r, b.Attr("name"), "global secondary index name", nameFix, false)
		key(b.Attr("hash_key"), "global secondary index hash key")
		key(b.Attr("range_key"), "global secondary index range key")
		for _, ks := range b.NestedBlocks("key_schema") {
			key(ks.Attr("attribute_name"), "global secondary index key")
		}
	}
	for _, b := range r.Blocks("local_secondary_index") {
		if b.Unknown {
			p.Undetermined(r, b, "local secondary indexes are not known before apply, so their keys cannot be checked for PHI-like content")
			continue
		}
		checkPHIString(p, r, b.Attr("name"), "local secondary index name", nameFix, false)
		key(b.Attr("range_key"), "local secondary index range key")
	}
	// An attribute definition names a key attribute; the key that uses it was
	// reported above, so only definitions no key names are checked here.
	for _, b := range r.Blocks("attribute") {
		a := b.Attr("name")
		if s, ok := a.String(); ok && keyNames[s] {
			continue
		}
		if prefix, ok := unknownStringPrefix(a); ok && unknownKeys[prefix] {
			continue
		}
		checkPHIString(p, r, a, "key attribute definition", dynamoKeyFix, true)
	}
	checkPHIMap(p, r, r.Attr("tags"), "table tags", tagsFix)
}

// unknownStringPrefix returns the known beginning of an attribute whose value
// is not known before apply ("" when nothing of it is known).
func unknownStringPrefix(a *graph.Attribute) (string, bool) {
	if a == nil || a.Value.IsWhollyKnown() {
		return "", false
	}
	v := a.Value
	if v.IsKnown() || v.IsMarked() || !v.Type().Equals(cty.String) {
		return "", !v.IsKnown()
	}
	return v.Range().StringPrefix(), true
}

// checkDynamoItem parses the item's DynamoDB JSON and checks every string in
// it, telling key attributes (named by the item's hash_key and range_key)
// from the others.
func checkDynamoItem(p *Pass, r *graph.Resource) {
	a := r.Attr("item")
	if a == nil {
		return
	}
	if !a.Value.IsWhollyKnown() {
		p.Undetermined(r, a, "item is not known before apply, so it cannot be checked for PHI-like content")
		return
	}
	doc, ok := a.String()
	if !ok {
		return
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	dec.UseNumber()
	var item map[string]any
	if err := dec.Decode(&item); err != nil {
		// Not valid DynamoDB JSON: terraform validate reports it, and no
		// value can be told from its key here.
		return
	}
	keys := map[string]bool{}
	for _, name := range []string{"hash_key", "range_key"} {
		if s, ok := r.Attr(name).String(); ok {
			keys[s] = true
		}
	}
	names := make([]string, 0, len(item))
	for n := range item {
		names = append(names, n)
	}
	sort.Strings(names)
	det := phi.Default()
	var inKeys, inValues []phi.Match
	for _, n := range names {
		for _, s := range jsonStrings(item[n], nil) {
			if keys[n] {
				inKeys = append(inKeys, det.Find(s)...)
			} else {
				inValues = append(inValues, det.Find(s)...)
			}
		}
	}
	switch {
	case len(inKeys) > 0:
		p.Report(r, a, "item key attribute holds %s; %s", phi.Describe(inKeys), dynamoKeyFix)
	case len(inValues) > 0:
		p.Report(r, a, "item holds %s; Terraform source and state are not encrypted like the table, so load PHI through the application instead", phi.Describe(inValues))
	}
}

// jsonStrings collects the string and number leaves of a decoded JSON value
// in a deterministic order (object members sorted by name).
func jsonStrings(v any, out []string) []string {
	switch t := v.(type) {
	case string:
		out = append(out, t)
	case json.Number:
		out = append(out, t.String())
	case []any:
		for _, e := range t {
			out = jsonStrings(e, out)
		}
	case map[string]any:
		ks := make([]string, 0, len(t))
		for k := range t {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			out = jsonStrings(t[k], out)
		}
	}
	return out
}
