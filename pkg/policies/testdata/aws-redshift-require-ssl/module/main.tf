# The module is called twice; only the call with require_ssl off is reported,
# at the line in the module.
module "secure" {
  source      = "./modules/warehouse"
  name        = "secure"
  require_ssl = "true"
}

module "plain" {
  source      = "./modules/warehouse"
  name        = "plain"
  require_ssl = "false"
}
