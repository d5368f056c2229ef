# The VPC lives in a module; the flow log in the root refers to it through the
# module's output.
module "network" {
  source = "./modules/vpc"
}

resource "aws_flow_log" "network" {
  vpc_id               = module.network.vpc_id
  traffic_type         = "ALL"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}
