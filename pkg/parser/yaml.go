package parser

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"go.yaml.in/yaml/v3"
)

// yamlDecodeFunc is Terraform's yamldecode: configuration read from YAML
// files (`yamldecode(file("settings.yaml"))`) drives many real modules.
var yamlDecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "src", Type: cty.String}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(args[0].AsString()), &doc); err != nil {
			return cty.DynamicVal, err
		}
		if doc.Kind == 0 {
			return cty.NullVal(cty.DynamicPseudoType), nil // empty document
		}
		budget := 1 << 20 // nodes, so aliases cannot expand without bound
		return yamlToCty(&doc, &budget, 0)
	},
})

func yamlToCty(n *yaml.Node, budget *int, depth int) (cty.Value, error) {
	*budget--
	if *budget < 0 || depth > 200 {
		return cty.NilVal, fmt.Errorf("YAML document too large or too deep")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		return yamlToCty(n.Content[0], budget, depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return cty.NilVal, fmt.Errorf("dangling YAML alias")
		}
		return yamlToCty(n.Alias, budget, depth+1)
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			return cty.EmptyTupleVal, nil
		}
		elems := make([]cty.Value, len(n.Content))
		for i, c := range n.Content {
			v, err := yamlToCty(c, budget, depth+1)
			if err != nil {
				return cty.NilVal, err
			}
			elems[i] = v
		}
		return cty.TupleVal(elems), nil
	case yaml.MappingNode:
		attrs := make(map[string]cty.Value, len(n.Content)/2)
		var merged []cty.Value // `<<: *anchor` maps, applied under explicit keys
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return cty.NilVal, fmt.Errorf("YAML map keys must be scalars")
			}
			cv, err := yamlToCty(v, budget, depth+1)
			if err != nil {
				return cty.NilVal, err
			}
			if k.ShortTag() == "!!merge" {
				if cv.Type().IsTupleType() {
					merged = append(merged, cv.AsValueSlice()...)
				} else {
					merged = append(merged, cv)
				}
				continue
			}
			attrs[k.Value] = cv
		}
		for _, m := range merged {
			if m.IsNull() || !m.Type().IsObjectType() {
				continue
			}
			for k, v := range m.AsValueMap() {
				if _, explicit := attrs[k]; !explicit {
					attrs[k] = v
				}
			}
		}
		if len(attrs) == 0 {
			return cty.EmptyObjectVal, nil
		}
		return cty.ObjectVal(attrs), nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return cty.NullVal(cty.DynamicPseudoType), nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return cty.NilVal, err
			}
			return cty.BoolVal(b), nil
		case "!!int", "!!float":
			s := strings.ReplaceAll(n.Value, "_", "")
			if f, _, err := big.ParseFloat(s, 0, 512, big.ToNearestEven); err == nil {
				return cty.NumberVal(f), nil
			}
			var f float64
			if err := n.Decode(&f); err != nil {
				return cty.NilVal, err
			}
			return cty.NumberFloatVal(f), nil
		}
		return cty.StringVal(n.Value), nil
	}
	return cty.NilVal, fmt.Errorf("unsupported YAML node")
}
