resource "aws_rds_cluster" "mysql" {
  cluster_identifier = "clinical"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster_instance" "mysql" {
  cluster_identifier = aws_rds_cluster.mysql.id
  engine             = aws_rds_cluster.mysql.engine
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster" "mysql56" {
  cluster_identifier = "legacy"
  engine             = "aurora"
}

# Not Aurora: not this rule's concern.
resource "aws_db_instance" "postgres" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
}

resource "aws_rds_cluster" "multi_az_postgres" {
  cluster_identifier        = "multi-az"
  engine                    = "postgres"
  db_cluster_instance_class = "db.m6gd.large"
}

# A global cluster built from a source takes its engine from it.
resource "aws_rds_global_cluster" "from_source" {
  global_cluster_identifier    = "clinical-global"
  source_db_cluster_identifier = aws_rds_cluster.mysql.arn
}
