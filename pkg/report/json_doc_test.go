package report

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// docs/json-output.md documents every field the JSON writer emits; this
// fails when a field is added or renamed without the documentation.
func TestJSONFieldsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/json-output.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{jsonDoc{}, jsonFinding{}, jsonDiag{}, jsonSummary{}, jsonSuppression{}, jsonModuleCall{}} {
		typ := reflect.TypeOf(v)
		for i := 0; i < typ.NumField(); i++ {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if !strings.Contains(string(doc), "`"+name+"`") && !strings.Contains(string(doc), `"`+name+`"`) {
				t.Errorf("%s.%s (%q) is not in docs/json-output.md", typ.Name(), typ.Field(i).Name, name)
			}
		}
	}
}
