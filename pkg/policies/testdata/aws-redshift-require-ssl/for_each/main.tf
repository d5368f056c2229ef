locals {
  warehouses = {
    claims  = "true"
    staging = "false"
  }
}

resource "aws_redshift_parameter_group" "wh" {
  for_each = local.warehouses
  name     = "${each.key}-params"
  family   = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = each.value
  }
}

resource "aws_redshift_cluster" "wh" {
  for_each                     = local.warehouses
  cluster_identifier           = each.key
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = aws_redshift_parameter_group.wh[each.key].name # want "aws-redshift-require-ssl"
}
