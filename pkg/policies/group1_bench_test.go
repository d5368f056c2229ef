package policies_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// group1Rules are the tenancy, EMR, EBS, KMS and DynamoDB rules. The tenancy
// rule follows templates and launch configurations to the groups that use
// them, by reference and by literal name, so its cost grows with templates ×
// groups; these benchmarks keep that visible.
var group1Rules = []string{
	"aws-vpc-dedicated-tenancy", "aws-ec2-dedicated-tenancy", "aws-emr-dedicated-tenancy", "aws-emr-encryption",
	"aws-ebs-encrypted", "aws-ebs-customer-key", "aws-kms-key-rotation", "aws-dynamodb-encrypted", "aws-dynamodb-pitr",
}

// BenchmarkGroup1RulesCorpus runs the rules on the synthetic code base.
func BenchmarkGroup1RulesCorpus(b *testing.B) { benchRulesOnCorpus(b, group1Rules...) }

// BenchmarkGroup1RulesFleet runs the rules on one root module with n of each
// compute shape: VPCs and subnets, instances, launch templates and launch
// configurations used by auto scaling groups wired by literal name (the
// expensive direction), volumes, keys and tables.
func BenchmarkGroup1RulesFleet(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			var sb strings.Builder
			fmt.Fprintf(&sb, `
resource "aws_vpc" "v" {
  count            = %[1]d
  cidr_block       = "10.0.0.0/16"
  instance_tenancy = count.index %% 2 == 0 ? "dedicated" : "default"
}

resource "aws_subnet" "s" {
  count      = %[1]d
  vpc_id     = aws_vpc.v[count.index].id
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "i" {
  count     = %[1]d
  ami       = "ami-0abcdef1234567890"
  subnet_id = aws_subnet.s[count.index].id

  root_block_device {
    encrypted = count.index %% 2 == 0
  }
}

resource "aws_launch_template" "t" {
  count = %[1]d
  name  = "t-${count.index}"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "true"
    }
  }
}

resource "aws_launch_configuration" "c" {
  count    = %[1]d
  name     = "c-${count.index}"
  image_id = "ami-0abcdef1234567890"
}

resource "aws_autoscaling_group" "g" {
  count                = %[1]d
  min_size             = 1
  max_size             = 2
  launch_configuration = "c-${count.index}"
  vpc_zone_identifier  = [aws_subnet.s[count.index].id]

  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_name = "t-${count.index}"
      }
    }
  }
}

resource "aws_ebs_volume" "e" {
  count             = %[1]d
  availability_zone = "us-east-1a"
  size              = 10
}

resource "aws_kms_key" "k" {
  count = %[1]d
}

resource "aws_dynamodb_table" "d" {
  count    = %[1]d
  name     = "d-${count.index}"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
`, n)
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(sb.String()), 0o644); err != nil {
				b.Fatal(err)
			}
			graphs := loadForBench(b, dir)
			rules := rulesByID(b, group1Rules...)
			findings, _ := policies.Run(graphs, rules, policies.RunOptions{})
			if len(findings) < 4*n {
				b.Fatalf("%d findings on %d of each resource, want at least %d", len(findings), n, 4*n)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				policies.Run(graphs, rules, policies.RunOptions{})
			}
		})
	}
}
