module "queue" {
  source = "./modules/queue"
  tags = {
    ManagedBy = "terraform"
    Contact   = "jane.doe@gmail.com"
  }
}
