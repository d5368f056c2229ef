resource "aws_ecr_repository" "per_team" {
  for_each = {
    radiology = "radiology-team"
    intake    = "oncall: 212-555-0123"
  }
  name = each.key
  tags = { # want "aws-phi-in-tags"
    Contact = each.value
  }
}
