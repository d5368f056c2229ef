variable "name" {
  type = string
}

variable "require_ssl" {
  type = string
}

resource "aws_redshift_parameter_group" "this" {
  name   = "${var.name}-params"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = var.require_ssl
  }
}

resource "aws_redshift_cluster" "this" {
  cluster_identifier           = var.name
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = aws_redshift_parameter_group.this.name # want "aws-redshift-require-ssl"
}
