package plangen

import "github.com/tflint-hipaa/tflint-hipaa/pkg/graph"

// What the AWS provider (v5) puts in a plan for arguments a configuration
// omits, from the argument references in hashicorp/terraform-provider-aws,
// website/docs/r/<type>.html.markdown, and the schemas behind them:
//
//   - known: an argument with a schema Default is planned with that value, so
//     it appears in planned_values and change.after as a known value;
//   - computed: an Optional+Computed argument (or block) without a default is
//     unknown until apply, so it appears only in after_unknown.
//
// Defaults that changed between provider major versions
// (aws_redshift_cluster.encrypted: false before v6, true from v6) are left
// computed: which one applies depends on the provider version, and the plan
// loader then treats them as omitted, as the HCL loader does.
type typeDefaults struct {
	known    map[string]any
	computed []string
	// dependent adds defaults that depend on other configured arguments:
	// known values, and arguments computed instead.
	dependent func(body *graph.Block) (known map[string]any, computed []string)
}

// configured answers whether the body sets an argument or has a block of the name.
func configured(body *graph.Block, name string) bool {
	return body.Attr(name) != nil || len(body.NestedBlocks(name)) > 0
}

// inheritsEncryption answers whether a database takes its storage
// encryption from elsewhere (a source instance, a snapshot, a global
// cluster): the provider then computes storage_encrypted at apply.
func inheritsEncryption(body *graph.Block, from ...string) bool {
	for _, name := range from {
		if configured(body, name) {
			return true
		}
	}
	return false
}

// commonComputed are computed on (nearly) every resource.
var commonComputed = []string{"id", "arn", "tags_all"}

var instanceComputed = []string{
	"tenancy", "host_id", "ebs_block_device", "root_block_device", "ephemeral_block_device",
	"network_interface", "metadata_options", "availability_zone", "private_ip", "public_ip",
	"subnet_id", "vpc_security_group_ids", "security_groups", "key_name", "placement_group",
	"ebs_optimized", "monitoring", "iam_instance_profile", "cpu_options", "private_dns", "public_dns",
	"primary_network_interface_id", "instance_state", "outpost_arn", "password_data",
}

var instanceKnown = map[string]any{
	"source_dest_check":           true,
	"get_password_data":           false,
	"user_data_replace_on_change": false,
}

var lbKnown = map[string]any{
	"load_balancer_type":         "application",
	"enable_deletion_protection": false,
	"enable_http2":               true,
	"idle_timeout":               60,
	// No access_logs block: logging is off.
	"access_logs": []any{},
}

var lbComputed = []string{"dns_name", "zone_id", "security_groups", "subnets", "subnet_mapping", "internal", "ip_address_type", "name", "vpc_id", "arn_suffix"}

var listenerComputed = []string{"protocol", "ssl_policy"}

var providerDefaults = map[string]typeDefaults{
	"aws_vpc": {
		known:    map[string]any{"instance_tenancy": "default", "enable_dns_support": true, "assign_generated_ipv6_cidr_block": false},
		computed: []string{"default_security_group_id", "default_route_table_id", "default_network_acl_id", "main_route_table_id", "dhcp_options_id", "owner_id", "ipv6_cidr_block", "ipv6_association_id", "enable_dns_hostnames", "enable_network_address_usage_metrics"},
	},
	"aws_subnet": {
		known:    map[string]any{"map_public_ip_on_launch": false, "assign_ipv6_address_on_creation": false},
		computed: []string{"availability_zone", "availability_zone_id", "owner_id", "ipv6_cidr_block_association_id"},
	},
	"aws_instance":              {known: instanceKnown, computed: instanceComputed},
	"aws_spot_instance_request": {known: instanceKnown, computed: append([]string{"spot_bid_status", "spot_request_state", "spot_instance_id"}, instanceComputed...)},
	"aws_launch_template":       {computed: []string{"latest_version", "default_version"}},
	"aws_launch_configuration":  {computed: []string{"name", "root_block_device", "ebs_block_device", "ebs_optimized", "key_name", "metadata_options"}},
	"aws_s3_bucket": {
		known: map[string]any{"force_destroy": false},
		computed: []string{
			"bucket", "bucket_prefix", "server_side_encryption_configuration", "versioning", "logging", "acl", "policy",
			"grant", "cors_rule", "lifecycle_rule", "website", "replication_configuration", "object_lock_configuration",
			"object_lock_enabled", "acceleration_status", "request_payer", "bucket_domain_name",
			"bucket_regional_domain_name", "hosted_zone_id", "region", "website_domain", "website_endpoint",
		},
	},
	"aws_ebs_volume": {
		known:    map[string]any{"final_snapshot": false, "multi_attach_enabled": false},
		computed: []string{"encrypted", "kms_key_id", "iops", "throughput", "type", "size", "snapshot_id"},
	},
	"aws_db_instance": {
		dependent: func(body *graph.Block) (map[string]any, []string) {
			if inheritsEncryption(body, "replicate_source_db", "snapshot_identifier", "restore_to_point_in_time", "s3_import") {
				return nil, []string{"storage_encrypted"}
			}
			return map[string]any{"storage_encrypted": false}, nil
		},
		known: map[string]any{
			"publicly_accessible": false, "skip_final_snapshot": false,
			"copy_tags_to_snapshot": false, "auto_minor_version_upgrade": true, "performance_insights_enabled": false,
			"monitoring_interval": 0, "delete_automated_backups": true, "apply_immediately": false,
		},
		// multi_az is Optional+Computed in the provider schema: an omitted
		// one is known only after apply, not false.
		computed: []string{
			"multi_az", "kms_key_id", "backup_retention_period", "engine_version", "engine_version_actual", "parameter_group_name",
			"option_group_name", "db_subnet_group_name", "vpc_security_group_ids", "availability_zone", "endpoint",
			"address", "port", "identifier", "identifier_prefix", "storage_type", "iops", "license_model",
			"ca_cert_identifier", "backup_window", "maintenance_window", "resource_id", "status", "hosted_zone_id",
			"replicas", "character_set_name", "timezone", "network_type", "storage_throughput", "master_user_secret",
		},
	},
	"aws_rds_cluster": {
		known: map[string]any{"backup_retention_period": 1, "engine_mode": "provisioned", "skip_final_snapshot": false, "copy_tags_to_snapshot": false, "apply_immediately": false},
		dependent: func(body *graph.Block) (map[string]any, []string) {
			if inheritsEncryption(body, "global_cluster_identifier", "replication_source_identifier", "snapshot_identifier", "restore_to_point_in_time", "s3_import") {
				return nil, []string{"storage_encrypted"}
			}
			// Serverless v1 clusters are always encrypted; every other
			// engine mode (Serverless v2 is "provisioned") defaults to false.
			mode, _ := body.Attr("engine_mode").String()
			return map[string]any{"storage_encrypted": mode == "serverless"}, nil
		},
		computed: []string{
			"kms_key_id", "engine_version", "engine_version_actual", "port", "availability_zones", "cluster_identifier",
			"cluster_identifier_prefix", "db_cluster_parameter_group_name", "db_subnet_group_name", "endpoint",
			"reader_endpoint", "hosted_zone_id", "vpc_security_group_ids", "cluster_members", "cluster_resource_id",
			"preferred_backup_window", "preferred_maintenance_window", "storage_type", "iops", "network_type",
			"master_username", "master_user_secret",
		},
	},
	"aws_rds_cluster_instance": {
		known:    map[string]any{"publicly_accessible": false, "auto_minor_version_upgrade": true, "promotion_tier": 0},
		computed: []string{"identifier", "engine_version", "engine_version_actual", "db_parameter_group_name", "db_subnet_group_name", "availability_zone", "endpoint", "port", "writer", "storage_encrypted", "kms_key_id", "ca_cert_identifier"},
	},
	"aws_rds_global_cluster": {
		computed: []string{"storage_encrypted", "engine", "engine_version", "engine_version_actual", "database_name", "global_cluster_members", "global_cluster_resource_id"},
	},
	"aws_dynamodb_table": {
		known: map[string]any{
			"billing_mode":           "PROVISIONED",
			"point_in_time_recovery": []any{map[string]any{"enabled": false}},
		},
		computed: []string{"server_side_encryption", "stream_arn", "stream_label", "stream_view_type", "read_capacity", "write_capacity", "ttl", "table_class"},
	},
	"aws_kms_key": {
		known: map[string]any{
			"enable_key_rotation": false, "customer_master_key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT",
			"is_enabled": true, "bypass_policy_lockout_safety_check": false,
		},
		computed: []string{"key_id", "policy", "multi_region", "rotation_period_in_days"},
	},
	"aws_cloudtrail": {
		known: map[string]any{
			"enable_log_file_validation": false, "is_multi_region_trail": false, "include_global_service_events": true,
			"enable_logging": true, "is_organization_trail": false,
		},
		computed: []string{"home_region"},
	},
	"aws_lb":           {known: lbKnown, computed: lbComputed},
	"aws_alb":          {known: lbKnown, computed: lbComputed},
	"aws_lb_listener":  {computed: listenerComputed},
	"aws_alb_listener": {computed: listenerComputed},
	"aws_elb": {
		computed: []string{"dns_name", "zone_id", "instances", "security_groups", "subnets", "availability_zones", "source_security_group", "source_security_group_id", "name"},
	},
	"aws_redshift_cluster": {
		known:    map[string]any{"automated_snapshot_retention_period": 1, "publicly_accessible": false, "skip_final_snapshot": false},
		computed: []string{"encrypted", "kms_key_id", "cluster_parameter_group_name", "endpoint", "port", "dns_name", "cluster_subnet_group_name", "vpc_security_group_ids", "availability_zone", "preferred_maintenance_window", "cluster_version", "node_type"},
	},
	"aws_efs_file_system": {
		known:    map[string]any{"throughput_mode": "bursting"},
		computed: []string{"encrypted", "kms_key_id", "performance_mode", "dns_name", "creation_token", "number_of_mount_targets", "owner_id", "size_in_bytes"},
	},
	"aws_cloudwatch_log_group": {
		known:    map[string]any{"retention_in_days": 0, "skip_destroy": false},
		computed: []string{"name", "name_prefix", "log_group_class"},
	},
	"aws_emr_cluster": {
		computed: []string{"master_public_dns", "cluster_state", "log_uri"},
	},
}

// defaultsFor returns the provider's plan-time defaults for a type; every
// type gets at least the common computed attributes.
func defaultsFor(typ string) typeDefaults {
	d := providerDefaults[typ]
	d.computed = append(append([]string(nil), commonComputed...), d.computed...)
	return d
}
