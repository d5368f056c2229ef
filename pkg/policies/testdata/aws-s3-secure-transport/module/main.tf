# The module attaches the TLS-only policy when asked: the call that does not
# ask leaves its bucket without a policy.
module "records" {
  source     = "./modules/bucket"
  name       = "acme-mod-records"
  tls_policy = true
}

module "scratch" {
  source     = "./modules/bucket"
  name       = "acme-mod-scratch"
  tls_policy = false
}
