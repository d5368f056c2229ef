package policies

import (
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

func TestDeviceLabel(t *testing.T) {
	block := func(v cty.Value) *graph.Block {
		return &graph.Block{Attrs: map[string]*graph.Attribute{"device_name": {Name: "device_name", Value: v}}}
	}
	for _, tc := range []struct {
		v    cty.Value
		want string
	}{
		{cty.StringVal("/dev/xvda"), ` "/dev/xvda"`},
		{cty.StringVal("/dev/sdf"), ` "/dev/sdf"`},
		{cty.StringVal("xvdb"), ` "xvdb"`},
		{cty.StringVal("/dev/nvme1n1"), ` "/dev/nvme1n1"`},
		{cty.StringVal("john.doe@example.com"), ``}, // free text is never echoed
		{cty.StringVal("123-45-6789"), ``},
		{cty.UnknownVal(cty.String), ``},
	} {
		if got := deviceLabel(block(tc.v)); got != tc.want {
			t.Errorf("deviceLabel(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
	if got := deviceLabel(&graph.Block{}); got != "" {
		t.Errorf("no device_name: %q", got)
	}
}
