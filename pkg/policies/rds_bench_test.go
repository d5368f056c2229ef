package policies

import (
	"fmt"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// manyDatabases builds n MySQL instances, each wired by literal name to its
// own parameter group, and n Redshift clusters likewise: the shape where
// literal-name wiring would cost databases × groups without an index.
func manyDatabases(n int) *graph.Graph {
	rng := hcl.Range{Filename: "bench.tf", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2}}
	attr := func(name string, v cty.Value) *graph.Attribute {
		return &graph.Attribute{Name: name, Path: name, Value: v, Range: rng}
	}
	param := func(name, value string) *graph.Block {
		return &graph.Block{Type: "parameter", Path: "parameter[0]", Range: rng, Attrs: map[string]*graph.Attribute{
			"name": attr("name", cty.StringVal(name)), "value": attr("value", cty.StringVal(value)),
		}}
	}
	var rs []*graph.Resource
	for i := 0; i < n; i++ {
		group := fmt.Sprintf("group-%d", i)
		rs = append(rs,
			&graph.Resource{Address: "aws_db_parameter_group.g" + fmt.Sprint(i), Type: "aws_db_parameter_group", Name: "g" + fmt.Sprint(i), DeclRange: rng,
				Body: &graph.Block{Range: rng, Attrs: map[string]*graph.Attribute{"name": attr("name", cty.StringVal(group)), "family": attr("family", cty.StringVal("mysql8.0"))},
					Blocks: []*graph.Block{param("require_secure_transport", fmt.Sprint(i%2))}}},
			&graph.Resource{Address: "aws_db_instance.d" + fmt.Sprint(i), Type: "aws_db_instance", Name: "d" + fmt.Sprint(i), DeclRange: rng,
				Body: &graph.Block{Range: rng, Attrs: map[string]*graph.Attribute{"engine": attr("engine", cty.StringVal("mysql")), "parameter_group_name": attr("parameter_group_name", cty.StringVal(group))}}},
			&graph.Resource{Address: "aws_redshift_parameter_group.r" + fmt.Sprint(i), Type: "aws_redshift_parameter_group", Name: "r" + fmt.Sprint(i), DeclRange: rng,
				Body: &graph.Block{Range: rng, Attrs: map[string]*graph.Attribute{"name": attr("name", cty.StringVal(group))},
					Blocks: []*graph.Block{param("require_ssl", "true")}}},
			&graph.Resource{Address: "aws_redshift_cluster.c" + fmt.Sprint(i), Type: "aws_redshift_cluster", Name: "c" + fmt.Sprint(i), DeclRange: rng,
				Body: &graph.Block{Range: rng, Attrs: map[string]*graph.Attribute{"cluster_parameter_group_name": attr("cluster_parameter_group_name", cty.StringVal(group))}}},
		)
	}
	return graph.New("bench", graph.ProviderVersion{}, rs)
}

func TestManyDatabasesFindsEveryGroup(t *testing.T) {
	g := manyDatabases(200)
	findings, diags := Run([]*graph.Graph{g}, []*Rule{RDSTransportEncryption, RedshiftRequireSSL}, RunOptions{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	// Every even-numbered MySQL group sets require_secure_transport = 0; every Redshift group requires SSL.
	if len(findings) != 100 {
		t.Fatalf("got %d findings, want 100 (the instances whose group sets require_secure_transport = 0)", len(findings))
	}
	for _, f := range findings {
		if f.RuleID != RDSTransportEncryption.ID || f.Undetermined {
			t.Errorf("unexpected finding %s: %s", f.RuleID, f.Message)
		}
	}
}

func BenchmarkRDSRedshiftGroupsByName(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		g := manyDatabases(n)
		rules := []*Rule{RDSTransportEncryption, RedshiftRequireSSL}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Run([]*graph.Graph{g}, rules, RunOptions{})
			}
		})
	}
}
