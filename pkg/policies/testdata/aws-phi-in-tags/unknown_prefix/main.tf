# fixture: hcl-only a plan does not carry the known beginning of a value unknown before apply

resource "random_pet" "suffix" {}

resource "aws_sqs_queue" "contact" {
  name = "contact"
  tags = { # want "aws-phi-in-tags"
    Contact = "jane.doe@gmail.com (${random_pet.suffix.id})"
  }
}

resource "aws_sqs_queue" "opaque" {
  name = "opaque"
  tags = { # undetermined "aws-phi-in-tags"
    Build = "build-${random_pet.suffix.id}"
  }
}
