resource "aws_redshift_cluster" "omitted" { # want "aws-redshift-require-ssl"
  cluster_identifier = "omitted"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "named_default" {
  cluster_identifier           = "named-default"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = "default.redshift-1.0" # want "aws-redshift-require-ssl"
}

resource "aws_redshift_parameter_group" "ssl_off" {
  name   = "ssl-off"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "false"
  }
}

resource "aws_redshift_cluster" "by_reference_off" {
  cluster_identifier           = "by-reference-off"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = aws_redshift_parameter_group.ssl_off.name # want "aws-redshift-require-ssl"
}

# A group that does not set require_ssl inherits false.
resource "aws_redshift_parameter_group" "logging_only" {
  name   = "logging-only"
  family = "redshift-1.0"

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

resource "aws_redshift_cluster" "by_name_unset" {
  cluster_identifier           = "by-name-unset"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = "logging-only" # want "aws-redshift-require-ssl"
}
