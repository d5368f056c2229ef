resource "random_pet" "owner" {}

resource "aws_sqs_queue" "later" {
  name = "later"
  tags = { # undetermined "aws-phi-in-tags"
    Owner = random_pet.owner.id
  }
}

resource "aws_sqs_queue" "known_part_wins" {
  name = "known"
  tags = { # want "aws-phi-in-tags"
    Owner   = random_pet.owner.id
    Contact = "jane.doe@gmail.com"
  }
}
