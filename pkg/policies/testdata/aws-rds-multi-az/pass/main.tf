resource "aws_db_instance" "multi_az" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
}

# Aurora keeps its data in three Availability Zones by design.
resource "aws_db_instance" "aurora_member" {
  engine         = "aurora-mysql"
  instance_class = "db.r6g.large"
}
