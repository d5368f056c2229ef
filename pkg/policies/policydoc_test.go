package policies

import (
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// The fixtures cover the three policy shapes end to end; this table pins the
// JSON reading itself, where IAM allows many spellings of the same statement.
func TestDeniesInsecureTransportJSON(t *testing.T) {
	cases := []struct {
		name, policy string
		want         graph.Tri
		readable     bool
	}{
		{"string false", `{"Statement":[{"Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`, graph.True, true},
		{"bool false", `{"Statement":[{"Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":false}}}]}`, graph.True, true},
		{"list of values", `{"Statement":[{"Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":["false"]}}}]}`, graph.True, true},
		{"single statement object", `{"Statement":{"Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":"false"}}}}`, graph.True, true},
		{"key case-insensitive, BoolIfExists", `{"Statement":[{"Effect":"deny","Condition":{"BoolIfExists":{"AWS:securetransport":"FALSE"}}}]}`, graph.True, true},
		{"allow with the condition", `{"Statement":[{"Effect":"Allow","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`, graph.False, true},
		{"deny on true", `{"Statement":[{"Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`, graph.False, true},
		{"wrong operator", `{"Statement":[{"Effect":"Deny","Condition":{"StringEquals":{"aws:SecureTransport":"false"}}}]}`, graph.False, true},
		{"no statements", `{"Version":"2012-10-17"}`, graph.False, true},
		{"second statement denies", `{"Statement":[{"Effect":"Allow"},{"Effect":"Deny","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`, graph.True, true},
		{"effect not a string", `{"Statement":[{"Effect":["Deny"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`, graph.Unknown, true},
		{"not JSON", `arn:aws:s3:::x`, graph.Unknown, false},
		{"truncated", `{"Statement":[`, graph.Unknown, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, ok := parsePolicyJSON(c.policy)
			if ok != c.readable {
				t.Fatalf("readable = %v, want %v", ok, c.readable)
			}
			if !ok {
				return
			}
			if got := deniesInsecureTransport(doc); got != c.want {
				t.Errorf("deniesInsecureTransport = %v, want %v", got, c.want)
			}
		})
	}
}

func TestDeniesInsecureTransportPartialDocuments(t *testing.T) {
	unknownEffect := policyDoc{Statements: []policyStatement{{Unknown: true, Conditions: []policyCondition{{Test: "Bool", Key: "aws:SecureTransport", Values: []string{"false"}}}}}}
	if got := deniesInsecureTransport(unknownEffect); got != graph.Unknown {
		t.Errorf("statement with unknown effect: got %v, want unknown", got)
	}
	unknownValues := policyDoc{Statements: []policyStatement{{Effect: "Deny", Conditions: []policyCondition{{Test: "Bool", Key: "aws:SecureTransport", Unknown: true}}}}}
	if got := deniesInsecureTransport(unknownValues); got != graph.Unknown {
		t.Errorf("condition with unknown values: got %v, want unknown", got)
	}
	otherKeyUnknownValues := policyDoc{Statements: []policyStatement{{Effect: "Deny", Conditions: []policyCondition{{Test: "StringEquals", Key: "aws:SourceVpce", Unknown: true}}}}}
	if got := deniesInsecureTransport(otherKeyUnknownValues); got != graph.False {
		t.Errorf("unknown values of an unrelated condition: got %v, want false", got)
	}
	incomplete := policyDoc{Unknown: true}
	if got := deniesInsecureTransport(incomplete); got != graph.Unknown {
		t.Errorf("document with unreadable parts: got %v, want unknown", got)
	}
	incomplete.Statements = []policyStatement{{Effect: "Deny", Conditions: []policyCondition{{Test: "Bool", Key: "aws:SecureTransport", Values: []string{"false"}}}}}
	if got := deniesInsecureTransport(incomplete); got != graph.True {
		t.Errorf("a readable Deny wins over unreadable parts: got %v, want true", got)
	}
}
