package corpus

import (
	"encoding/json"
	"fmt"
)

// perResource is how many instances (count) each configured resource
// has; big real plans are mostly a few resources times many instances.
const perResource = 100

// planKind is one resource type of the synthetic plan: the values of
// instance idx (odd instances are configured wrong, so rules have work) and
// the attributes the provider computes at apply.
type planKind struct {
	typ     string
	values  func(name string, idx int) map[string]any
	unknown map[string]any
	// refersToKey: kms_key_id is configured from a key (aws_kms_key.r2 in the
	// root module, an input in the module), so its value is unknown in the
	// plan and its reference is not.
	refersToKey bool
}

var planKinds = []planKind{
	{"aws_ebs_volume", func(name string, idx int) map[string]any {
		return map[string]any{"availability_zone": "us-east-1a", "size": 100 + idx, "encrypted": idx%2 == 0,
			"type": "gp3", "tags": map[string]any{"Name": name, "Env": "prod"}}
	}, map[string]any{"id": true, "arn": true, "kms_key_id": true, "iops": true, "throughput": true, "tags_all": true}, true},
	{"aws_db_instance", func(name string, idx int) map[string]any {
		return map[string]any{"identifier": fmt.Sprintf("%s-%d", name, idx), "engine": "postgres", "engine_version": "15.4",
			"instance_class": "db.t3.micro", "storage_encrypted": idx%2 == 0, "backup_retention_period": 7 + idx%2*-6,
			"multi_az": idx%2 == 0, "tags": map[string]any{"Name": name}}
	}, map[string]any{"id": true, "arn": true, "kms_key_id": true, "endpoint": true, "address": true, "parameter_group_name": true, "tags_all": true}, true},
	{"aws_kms_key", func(name string, idx int) map[string]any {
		return map[string]any{"description": "key " + name, "deletion_window_in_days": 30, "enable_key_rotation": idx%2 == 0,
			"customer_master_key_spec": "SYMMETRIC_DEFAULT"}
	}, map[string]any{"id": true, "arn": true, "key_id": true, "policy": true, "tags_all": true}, false},
	{"aws_s3_bucket", func(name string, idx int) map[string]any {
		return map[string]any{"bucket": fmt.Sprintf("%s-data-%d", name, idx), "force_destroy": false,
			"tags": map[string]any{"Name": name, "Team": "data"}}
	}, map[string]any{"id": true, "arn": true, "bucket_domain_name": true, "region": true, "tags_all": true,
		"server_side_encryption_configuration": true, "versioning": true, "logging": true}, false},
	{"aws_instance", func(name string, idx int) map[string]any {
		return map[string]any{"ami": "ami-0123456789abcdef0", "instance_type": "t3.large", "tenancy": "dedicated",
			"root_block_device": []any{map[string]any{"encrypted": idx%2 == 0, "volume_size": 50, "delete_on_termination": true}},
			"tags":              map[string]any{"Name": name}}
	}, map[string]any{"id": true, "arn": true, "private_ip": true, "subnet_id": true, "tags_all": true,
		"root_block_device": []any{map[string]any{"volume_id": true, "kms_key_id": true, "iops": true}}}, false},
	{"aws_dynamodb_table", func(name string, idx int) map[string]any {
		return map[string]any{"name": fmt.Sprintf("%s-%d", name, idx), "billing_mode": "PAY_PER_REQUEST", "hash_key": "pk",
			"attribute":              []any{map[string]any{"name": "pk", "type": "S"}},
			"point_in_time_recovery": []any{map[string]any{"enabled": idx%2 == 0}},
			"server_side_encryption": []any{map[string]any{"enabled": true}}}
	}, map[string]any{"id": true, "arn": true, "stream_arn": true, "tags_all": true,
		"server_side_encryption": []any{map[string]any{"kms_key_arn": true}}}, false},
}

// Plan renders a `terraform show -json` plan of n resource instances, shaped
// like a large real plan: half in the root module and half in the instances
// of a counted module call, 100 instances per configured resource, with
// planned values, resource_changes (after_unknown) and the configuration
// expressions that tell set attributes from omitted ones and name what they
// refer to. Every other instance is configured wrong, so rules have work.
func Plan(n int) ([]byte, error) {
	type module struct {
		Address   string `json:"address,omitempty"`
		Resources []any  `json:"resources"`
	}
	root := &module{}
	var children []*module
	childByAddr := map[string]*module{}
	var changes []any
	rootCfg := []any{}
	childCfg := []any{}
	seenCfg := map[string]bool{}
	for i := 0; i < n; i++ {
		block := i / perResource
		idx := i % perResource
		kind := planKinds[block%len(planKinds)]
		name := fmt.Sprintf("r%d", block)
		mod, modAddr := root, ""
		if block%2 == 1 {
			modAddr = fmt.Sprintf("module.app[%d]", block%8)
			if childByAddr[modAddr] == nil {
				childByAddr[modAddr] = &module{Address: modAddr}
				children = append(children, childByAddr[modAddr])
			}
			mod = childByAddr[modAddr]
		}
		addr := fmt.Sprintf("%s.%s[%d]", kind.typ, name, idx)
		if modAddr != "" {
			addr = modAddr + "." + addr
		}
		values := kind.values(name, idx)
		mod.Resources = append(mod.Resources, map[string]any{
			"address": addr, "mode": "managed", "type": kind.typ, "name": name, "index": idx,
			"provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
			"values": values, "sensitive_values": map[string]any{},
		})
		changes = append(changes, map[string]any{
			"address": addr, "module_address": modAddr, "mode": "managed", "type": kind.typ, "name": name, "index": idx,
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": map[string]any{
				"actions": []any{"create"}, "before": nil, "after": values, "after_unknown": kind.unknown,
				"before_sensitive": false, "after_sensitive": map[string]any{},
			},
		})
		cfgKey := fmt.Sprintf("%v.%s.%s", modAddr != "", kind.typ, name)
		if seenCfg[cfgKey] {
			continue
		}
		seenCfg[cfgKey] = true
		exprs := map[string]any{}
		for k, v := range values {
			if _, isBlock := v.([]any); isBlock {
				continue // nested blocks are configured as blocks, not expressions
			}
			exprs[k] = map[string]any{"constant_value": v}
		}
		if kind.refersToKey {
			refs := []any{"var.kms_key_arn"}
			if modAddr == "" {
				refs = []any{"aws_kms_key.r2[0].arn", "aws_kms_key.r2[0]", "aws_kms_key.r2"}
			}
			exprs["kms_key_id"] = map[string]any{"references": refs}
		}
		cfg := map[string]any{
			"address": kind.typ + "." + name, "mode": "managed", "type": kind.typ, "name": name,
			"provider_config_key": "aws", "expressions": exprs, "schema_version": 0,
			"count_expression": map[string]any{"constant_value": perResource},
		}
		if modAddr == "" {
			rootCfg = append(rootCfg, cfg)
		} else {
			childCfg = append(childCfg, cfg)
		}
	}
	childModules := make([]any, len(children))
	for i, c := range children {
		childModules[i] = c
	}
	doc := map[string]any{
		"format_version":    "1.2",
		"terraform_version": "1.9.0",
		"planned_values": map[string]any{"root_module": map[string]any{
			"resources": root.Resources, "child_modules": childModules,
		}},
		"resource_changes": changes,
		"configuration": map[string]any{
			"provider_config": map[string]any{"aws": map[string]any{"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
			"root_module": map[string]any{
				"resources": rootCfg,
				"module_calls": map[string]any{"app": map[string]any{
					"source":           "./modules/app",
					"count_expression": map[string]any{"constant_value": 8},
					"expressions": map[string]any{"kms_key_arn": map[string]any{
						"references": []any{"aws_kms_key.r2[0].arn", "aws_kms_key.r2[0]", "aws_kms_key.r2"},
					}},
					"module": map[string]any{"resources": childCfg},
				}},
			},
		},
	}
	return json.Marshal(doc)
}
