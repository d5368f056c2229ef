package policies_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// benchStacks is the number of stacks BenchmarkELBRules checks.
var benchStacks = 1000

var elbRuleIDs = []string{"aws-elb-listener-encrypted", "aws-elb-backend-encrypted", "aws-elb-tls-policy", "aws-elb-access-logs"}

// writeELBStack writes n copies of a load-balancing stack: an application
// load balancer with HTTPS and redirecting HTTP listeners and a listener rule,
// and a network load balancer whose TCP target group is named by a literal
// ARN, the case that makes target groups look at every listener.
func writeELBStack(b *testing.B, n int) string {
	b.Helper()
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, `
resource "aws_lb" "app%[1]d" {
  name    = "app%[1]d"
  subnets = ["subnet-0a1b2c3d"]
  access_logs {
    bucket  = "logs"
    enabled = true
  }
}

resource "aws_lb_target_group" "app%[1]d" {
  name     = "app%[1]d"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "https%[1]d" {
  load_balancer_arn = aws_lb.app%[1]d.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app%[1]d.arn
  }
}

resource "aws_lb_listener" "http%[1]d" {
  load_balancer_arn = aws_lb.app%[1]d.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener_rule" "r%[1]d" {
  listener_arn = aws_lb_listener.https%[1]d.arn
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app%[1]d.arn
  }
}

resource "aws_lb" "net%[1]d" {
  name               = "net%[1]d"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d"]
  access_logs {
    bucket  = "logs"
    enabled = true
  }
}

resource "aws_lb_target_group" "tcp%[1]d" {
  name     = "tcp%[1]d"
  port     = 5432
  protocol = "TCP"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb_listener" "tcp%[1]d" {
  load_balancer_arn = aws_lb.net%[1]d.arn
  port              = 5432
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/tcp%[1]d/73e2d6bc24d8a067"
  }
}
`, i)
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkELBRules runs the four ELB rules on 1,000 stacks (9,000 resources).
func BenchmarkELBRules(b *testing.B) {
	graphs := loadForBench(b, writeELBStack(b, benchStacks))
	rules := rulesByID(b, elbRuleIDs...)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		findings, _ := policies.Run(graphs, rules, policies.RunOptions{})
		for _, f := range findings {
			if !f.Undetermined {
				b.Fatalf("unexpected finding: %s", f.Message)
			}
		}
	}
}
