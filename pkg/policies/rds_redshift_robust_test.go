package policies

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// TestRDSRedshiftRulesSurviveOddValues feeds the RDS, Aurora and Redshift
// rules values of every shape a loader can produce for an attribute (wrong
// types, nulls, unknowns, collections, unknown blocks) in both profiles, and
// checks that none panics (Run turns a panic into a diagnostic) and every
// finding has a position.
func TestRDSRedshiftRulesSurviveOddValues(t *testing.T) {
	rules := []*Rule{RDSTransportEncryption, RedshiftRequireSSL, RedshiftEncrypted, RedshiftCustomerKey,
		RDSCustomerKey, AuroraMySQLOnly, RDSMultiAZ, RDSBackupRetention}
	odd := []cty.Value{
		cty.NullVal(cty.String), cty.UnknownVal(cty.String), cty.DynamicVal, cty.NullVal(cty.DynamicPseudoType),
		cty.NumberIntVal(5), cty.True, cty.StringVal(""), cty.StringVal("\x00\xff"),
		cty.ListVal([]cty.Value{cty.StringVal("1")}), cty.EmptyObjectVal,
		cty.MapVal(map[string]cty.Value{"a": cty.UnknownVal(cty.Bool)}),
		cty.TupleVal([]cty.Value{cty.UnknownVal(cty.Number)}),
	}
	attrNames := []string{"engine", "engine_version", "parameter_group_name", "db_cluster_parameter_group_name",
		"option_group_name", "cluster_parameter_group_name", "kms_key_id", "encrypted", "multi_az",
		"backup_retention_period", "automated_snapshot_retention_period", "replicate_source_db",
		"snapshot_identifier", "cluster_identifier", "family", "name"}
	rng := hcl.Range{Filename: "odd.tf", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2}}
	for _, v := range odd {
		var resources []*graph.Resource
		for _, typ := range []string{"aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_rds_global_cluster",
			"aws_redshift_cluster", "aws_db_parameter_group", "aws_rds_cluster_parameter_group", "aws_redshift_parameter_group", "aws_db_option_group"} {
			body := &graph.Block{Attrs: map[string]*graph.Attribute{}, Range: rng}
			for _, n := range attrNames {
				body.Attrs[n] = &graph.Attribute{Name: n, Path: n, Value: v, Range: rng}
			}
			// Engines that reach every branch, with the odd value in the group.
			if typ == "aws_db_instance" {
				body.Attrs["engine"] = &graph.Attribute{Name: "engine", Path: "engine", Value: cty.StringVal("oracle-ee"), Range: rng}
				body.Attrs["option_group_name"] = &graph.Attribute{Name: "option_group_name", Path: "option_group_name", Value: cty.StringVal("odd"), Range: rng}
			}
			if typ == "aws_rds_cluster" {
				body.Attrs["engine"] = &graph.Attribute{Name: "engine", Path: "engine", Value: cty.StringVal("aurora-mysql"), Range: rng}
				body.Attrs["db_cluster_parameter_group_name"] = &graph.Attribute{Name: "db_cluster_parameter_group_name", Path: "db_cluster_parameter_group_name", Value: cty.StringVal("odd"), Range: rng}
			}
			if typ == "aws_redshift_cluster" {
				body.Attrs["cluster_parameter_group_name"] = &graph.Attribute{Name: "cluster_parameter_group_name", Path: "cluster_parameter_group_name", Value: cty.StringVal("odd"), Range: rng}
			}
			if typ == "aws_db_option_group" || typ == "aws_rds_cluster_parameter_group" || typ == "aws_redshift_parameter_group" {
				body.Attrs["name"] = &graph.Attribute{Name: "name", Path: "name", Value: cty.StringVal("odd"), Range: rng}
			}
			param := &graph.Block{Type: "parameter", Path: "parameter[0]", Range: rng, Attrs: map[string]*graph.Attribute{
				"name":  {Name: "name", Path: "parameter[0].name", Value: v, Range: rng},
				"value": {Name: "value", Path: "parameter[0].value", Value: v, Range: rng},
			}}
			setting := &graph.Block{Type: "option_settings", Path: "option[0].option_settings[0]", Range: rng, Attrs: map[string]*graph.Attribute{
				"name":  {Name: "name", Path: "option[0].option_settings[0].name", Value: cty.StringVal("SQLNET.ENCRYPTION_SERVER"), Range: rng},
				"value": {Name: "value", Path: "option[0].option_settings[0].value", Value: v, Range: rng},
			}}
			option := &graph.Block{Type: "option", Path: "option[0]", Range: rng, Blocks: []*graph.Block{setting}, Attrs: map[string]*graph.Attribute{
				"option_name": {Name: "option_name", Path: "option[0].option_name", Value: cty.StringVal("NATIVE_NETWORK_ENCRYPTION"), Range: rng},
			}}
			unknownParams := &graph.Block{Type: "parameter", Path: "parameter", Range: rng, Unknown: true}
			body.Blocks = []*graph.Block{param, unknownParams, option}
			resources = append(resources, &graph.Resource{Address: typ + ".odd", Type: typ, Name: "odd", Body: body, DeclRange: rng})
		}
		g := graph.New("odd", graph.ProviderVersion{}, resources)
		for _, profile := range []string{ProfileWhitepaper, ProfileCurrent} {
			findings, diags := Run([]*graph.Graph{g}, rules, RunOptions{Profile: profile})
			for _, d := range diags {
				t.Errorf("value %#v: %s", v, d.Error())
			}
			for _, f := range findings {
				if f.Range.Start.Line < 1 {
					t.Errorf("value %#v: finding without a position: %s", v, f.Message)
				}
			}
		}
	}
}
