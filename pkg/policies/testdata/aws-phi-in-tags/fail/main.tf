resource "aws_sqs_queue" "intake" {
  name = "intake"
  tags = { # want "aws-phi-in-tags"
    PatientEmail = "on-file"
  }
}

resource "aws_instance" "worker" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  tags = { # want "aws-phi-in-tags"
    Name = "worker-123-45-6789"
  }

  root_block_device {
    encrypted = true
    tags = { # want "aws-phi-in-tags"
      Contact = "jane.doe@gmail.com"
    }
  }
}

resource "aws_launch_template" "app" {
  name = "app"

  tag_specifications {
    resource_type = "instance"
    tags = { # want "aws-phi-in-tags"
      date_of_birth = "redacted"
    }
  }
}

resource "aws_autoscaling_group" "app" {
  max_size = 1
  min_size = 1

  tag { # want "aws-phi-in-tags"
    key                 = "OnCall"
    value               = "(555) 234-5678"
    propagate_at_launch = true
  }

  tag {
    key                 = "Name"
    value               = "app"
    propagate_at_launch = true
  }
}

resource "aws_kms_key" "records" {
  description = "records"
  tags = { # want "aws-phi-in-tags"
    Note = "mrn: 00123456"
  }
}
