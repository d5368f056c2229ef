# fixture: hcl-only a real plan always has values for these variables

variable "require_ssl" {
  type = string
}

variable "group_name" {
  type = string
}

resource "aws_redshift_parameter_group" "tls" {
  name   = "redshift-tls"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = var.require_ssl
  }
}

resource "aws_redshift_cluster" "value_unknown" {
  cluster_identifier           = "value-unknown"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = aws_redshift_parameter_group.tls.name # undetermined "aws-redshift-require-ssl"
}

resource "aws_redshift_cluster" "name_unknown" {
  cluster_identifier           = "name-unknown"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = var.group_name # undetermined "aws-redshift-require-ssl"
}

# Managed outside this configuration.
resource "aws_redshift_cluster" "elsewhere" {
  cluster_identifier           = "elsewhere"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = "shared-redshift-params" # undetermined "aws-redshift-require-ssl"
}
