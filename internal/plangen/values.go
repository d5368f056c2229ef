package plangen

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// values renders a resource's planned values (change.after and
// planned_values) and its after_unknown, with the provider's defaults for
// what the configuration omits.
func (gen *generator) values(r *graph.Resource) (map[string]any, map[string]any, error) {
	after := map[string]any{}
	unknown := map[string]any{}
	if err := gen.blockValues(r, r.Body, after, unknown); err != nil {
		return nil, nil, err
	}
	if r.Mode == graph.Data {
		// A data source's results are the provider's to compute; nothing
		// here knows them, and no rule reads them from the plan alone.
		return after, unknown, nil
	}
	omitted := func(name string) bool {
		_, inAfter := after[name]
		_, inUnknown := unknown[name]
		return !inAfter && !inUnknown
	}
	d := defaultsFor(r.Type)
	known := map[string]any{}
	for k, v := range d.known {
		known[k] = v
	}
	computed := d.computed
	if d.dependent != nil {
		more, moreComputed := d.dependent(r.Body)
		for k, v := range more {
			known[k] = v
		}
		computed = append(computed, moreComputed...)
	}
	for k, v := range known {
		if omitted(k) {
			after[k] = v
		}
	}
	for _, k := range computed {
		if omitted(k) {
			unknown[k] = true
		}
	}
	return after, unknown, nil
}

// blockValues fills after and unknown from one block's attributes and
// nested blocks. Nested blocks become arrays of objects, as Terraform writes
// list and set blocks alike.
func (gen *generator) blockValues(r *graph.Resource, b *graph.Block, after, unknown map[string]any) error {
	names := make([]string, 0, len(b.Attrs))
	for n := range b.Attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := b.Attrs[n]
		if !a.Value.IsWhollyKnown() && len(a.Refs) == 0 && gen.src.dependsOnInput(a) {
			return fmt.Errorf("%s: %s %w", r.Address, a.Path, ErrUnknownInput)
		}
		v, u := ctyJSON(a.Value)
		if u == true {
			unknown[n] = true
			continue
		}
		after[n] = v
		if u != nil {
			unknown[n] = u
		}
	}
	types, byType := blocksByType(b)
	for _, typ := range types {
		blocks := byType[typ]
		list := make([]any, 0, len(blocks))
		marks := make([]any, 0, len(blocks))
		anyMark, whollyUnknown := false, false
		for _, nb := range blocks {
			if nb.Unknown {
				if gen.src.dynamicDependsOnInput(nb) {
					return fmt.Errorf("%s: %s %w", r.Address, nb.Path, ErrUnknownInput)
				}
				whollyUnknown = true
				break
			}
			ea, eu := map[string]any{}, map[string]any{}
			if err := gen.blockValues(r, nb, ea, eu); err != nil {
				return err
			}
			list = append(list, ea)
			marks = append(marks, eu)
			if len(eu) > 0 {
				anyMark = true
			}
		}
		switch {
		case whollyUnknown:
			// How many blocks there will be is not known before apply.
			unknown[typ] = true
		case anyMark:
			after[typ] = list
			unknown[typ] = marks
		default:
			after[typ] = list
		}
	}
	return nil
}

// ctyJSON renders a value for change.after and its after_unknown part: an
// unknown value is (nil, true), to be left out of an object; a partly
// unknown collection has null where its unknown parts are, and a mark of the
// same shape. A wholly known value has no mark (nil).
func ctyJSON(v cty.Value) (any, any) {
	if v == cty.NilVal {
		return nil, nil
	}
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() {
		return nil, true
	}
	if v.IsNull() {
		return nil, nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString(), nil
	case ty == cty.Number:
		return json.Number(v.AsBigFloat().Text('f', -1)), nil
	case ty == cty.Bool:
		return v.True(), nil
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		vals := []any{}
		marks := []any{}
		marked := false
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			ev, eu := ctyJSON(e)
			vals = append(vals, ev)
			if eu != nil {
				marked = true
				marks = append(marks, eu)
			} else {
				marks = append(marks, false)
			}
		}
		if marked {
			return vals, marks
		}
		return vals, nil
	case ty.IsMapType() || ty.IsObjectType():
		vals := map[string]any{}
		marks := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			ev, eu := ctyJSON(e)
			if eu == true {
				marks[name] = true
				continue
			}
			vals[name] = ev
			if eu != nil {
				marks[name] = eu
			}
		}
		if len(marks) > 0 {
			return vals, marks
		}
		return vals, nil
	}
	// Capsule and other types have no JSON form in a plan.
	return nil, nil
}

// blocksByType groups a block's nested blocks by type; types lists the
// types in the order they first appear, which is the order plans keep.
func blocksByType(b *graph.Block) (types []string, byType map[string][]*graph.Block) {
	byType = map[string][]*graph.Block{}
	for _, nb := range b.Blocks {
		if _, ok := byType[nb.Type]; !ok {
			types = append(types, nb.Type)
		}
		byType[nb.Type] = append(byType[nb.Type], nb)
	}
	return types, byType
}
