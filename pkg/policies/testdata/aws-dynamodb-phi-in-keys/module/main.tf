module "table" {
  source   = "./modules/table"
  name     = "patients"
  hash_key = "patient_email"
}

module "clean" {
  source   = "./modules/table"
  name     = "visits"
  hash_key = "visit_id"
}
