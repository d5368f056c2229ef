# fixture: hcl-only a real plan always has values for the variables

variable "tenancy" {
  type = string
}

variable "subnet_id" {
  type = string
}

resource "aws_instance" "tenancy_from_var" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  tenancy       = var.tenancy # undetermined "aws-ec2-dedicated-tenancy"
}

resource "aws_instance" "subnet_from_var" { # undetermined "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = var.subnet_id
}

# A subnet named by literal id is outside the configuration.
resource "aws_instance" "literal_subnet" { # undetermined "aws-ec2-dedicated-tenancy"
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = "subnet-0123456789abcdef0"
}

# A template nothing in the configuration launches from.
resource "aws_launch_template" "unused" { # undetermined "aws-ec2-dedicated-tenancy"
  name     = "unused"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_launch_configuration" "unused" { # undetermined "aws-ec2-dedicated-tenancy"
  name          = "unused"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}
