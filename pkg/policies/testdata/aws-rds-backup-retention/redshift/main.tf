# Redshift: automated snapshots default to 1 day; 0 turns them off.
resource "aws_redshift_cluster" "omitted" {
  cluster_identifier = "omitted"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "one_day" {
  cluster_identifier                  = "one-day"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = 1
}

resource "aws_redshift_cluster" "disabled" {
  cluster_identifier                  = "disabled"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = 0 # want "aws-rds-backup-retention"
}
