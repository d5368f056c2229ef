output "vpc_id" {
  value = module.network.vpc_id
}

output "records_bucket" {
  value = module.records.id
}
