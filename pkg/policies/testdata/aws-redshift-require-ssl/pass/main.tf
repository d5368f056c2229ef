resource "aws_redshift_parameter_group" "tls" {
  name   = "redshift-tls"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

resource "aws_redshift_cluster" "by_reference" {
  cluster_identifier           = "by-reference"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = aws_redshift_parameter_group.tls.name
}

resource "aws_redshift_parameter_group" "upper" {
  name   = "redshift-upper"
  family = "redshift-1.0"

  parameter {
    name  = "REQUIRE_SSL"
    value = "TRUE"
  }
}

# Literal-name wiring; Redshift matches group names case-insensitively.
resource "aws_redshift_cluster" "by_name" {
  cluster_identifier           = "by-name"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = "Redshift-Upper"
}
