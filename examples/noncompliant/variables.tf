variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "availability_zones" {
  type = list(string)
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for the application load balancer"
}

variable "backup_retention_days" {
  type    = number
  default = 35
}
