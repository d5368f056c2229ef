variable "tags" {
  type = map(string)
}

resource "aws_sns_topic" "this" {
  name = "alerts"
  tags = var.tags # want "aws-phi-in-tags"
}
