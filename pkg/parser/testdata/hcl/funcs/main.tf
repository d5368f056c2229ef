locals {
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Condition = { Bool = { "aws:SecureTransport" = "false" } } }]
  })
}

resource "aws_s3_bucket_policy" "p" {
  policy     = local.policy
  upper      = upper("phi")
  merged     = merge({ a = 1 }, { b = 2 })
  joined     = join(",", ["a", "b"])
  host       = cidrhost("10.0.0.0/24", 5)
  subnets    = cidrsubnets("10.0.0.0/16", 8, 8)
  sum        = sum([1, 2, 3])
  one        = one(["x"])
  starts     = startswith("arn:aws:kms", "arn:")
  replaced   = replace("a-b-c", "/-/", "_")
  hash       = sha256("x")
  file       = file("${path.module}/policy.json")
  escape     = fileexists("/etc/passwd") ? file("/etc/passwd") : "none"
  stamp      = timestamp()
  unknown_fn = "x-${not_a_function(1)}"
  tried      = try(local.missing, "fallback")
  lookup     = lookup({ a = "b" }, "a", "c")
  index      = index(["a", "b"], "b")
  alltrue    = alltrue([true, true])
  b64        = base64encode("hi")
  template   = templatefile("${path.module}/t.tpl", { name = "phi" })
}

locals {
  settings = yamldecode(file("${path.module}/settings.yaml"))
}

resource "aws_db_instance" "from_yaml" {
  storage_encrypted       = local.settings.database.encrypted
  backup_retention_period = local.settings.database.retention
  identifier              = local.settings.database.name
  tags                    = local.settings.database.tags
}
