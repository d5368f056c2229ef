variable "access_logs" {
  type = object({
    bucket  = string
    enabled = optional(bool, true)
  })
}

resource "aws_lb" "this" {
  load_balancer_type = "network"

  dynamic "access_logs" {
    for_each = [var.access_logs]
    content {
      bucket  = access_logs.value.bucket
      enabled = access_logs.value.enabled
    }
  }
}
