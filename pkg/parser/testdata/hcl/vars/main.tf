variable "from_default" {
  default = "default"
}
variable "from_env" {
  default = "default"
}
variable "from_tfvars" {
  default = "default"
}
variable "from_tfvars_json" {
  default = "default"
}
variable "from_auto" {
  default = "default"
}
variable "from_varfile" {
  default = "default"
}
variable "from_cli" {
  default = "default"
}
variable "no_value" {}
variable "typed_no_value" {
  type = bool
}
variable "number_cli" {
  type = number
}
variable "list_cli" {}
variable "string_cli" {}
variable "settings" {
  type = object({
    encrypted = optional(bool, true)
    retention = optional(number)
  })
  default = {}
}

resource "aws_s3_bucket" "b" {
  from_default     = var.from_default
  from_env         = var.from_env
  from_tfvars      = var.from_tfvars
  from_tfvars_json = var.from_tfvars_json
  from_auto        = var.from_auto
  from_varfile     = var.from_varfile
  from_cli         = var.from_cli
  no_value         = var.no_value
  typed_no_value   = var.typed_no_value
  number_cli       = var.number_cli
  list_cli         = var.list_cli
  string_cli       = var.string_cli
  encrypted        = var.settings.encrypted
  module_path      = path.module
  workspace        = terraform.workspace
}
