module "vault" {
  source = "./modules/vault"
  suffix = "dob-1980-01-02"
}
