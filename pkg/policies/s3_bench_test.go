package policies_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// storageAuditRules are the S3, Glacier, CloudTrail and flow-log rules. The S3
// ones match split resources to buckets by scanning every companion, so their
// cost grows with buckets × companions; these benchmarks keep that visible.
var storageAuditRules = []string{
	"aws-s3-encryption", "aws-s3-secure-transport", "aws-s3-versioning", "aws-s3-access-logging",
	"aws-glacier-secure-transport", "aws-cloudtrail-log-validation", "aws-cloudtrail-encrypted",
	"aws-cloudtrail-multi-region", "aws-vpc-flow-logs",
}

// BenchmarkStorageAuditRulesCorpus runs the rules on the synthetic code base.
func BenchmarkStorageAuditRulesCorpus(b *testing.B) { benchRulesOnCorpus(b, storageAuditRules...) }

// benchBuckets is the bucket count of the many-buckets benchmark.
var benchBuckets = 2000

// BenchmarkStorageAuditRulesManyBuckets is one root module with benchBuckets buckets,
// each with a split encryption, versioning, logging and policy resource wired
// half by reference and half by literal name: the worst case of the matching.
func BenchmarkStorageAuditRulesManyBuckets(b *testing.B) {
	dir := b.TempDir()
	var src strings.Builder
	src.WriteString("resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"bench-logs\"\n}\n")
	for i := 0; i < benchBuckets; i++ {
		ref := fmt.Sprintf("aws_s3_bucket.b%d.id", i)
		if i%2 == 1 {
			ref = fmt.Sprintf("%q", fmt.Sprintf("bench-%d", i))
		}
		fmt.Fprintf(&src, `resource "aws_s3_bucket" "b%[1]d" {
  bucket = "bench-%[1]d"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "b%[1]d" {
  bucket = %[2]s
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
resource "aws_s3_bucket_versioning" "b%[1]d" {
  bucket = %[2]s
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_logging" "b%[1]d" {
  bucket        = %[2]s
  target_bucket = aws_s3_bucket.logs.id
}
resource "aws_s3_bucket_policy" "b%[1]d" {
  bucket = %[2]s
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::bench-%[1]d/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`, i, ref)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	graphs := loadForBench(b, dir)
	rules := rulesByID(b, storageAuditRules...)
	findings, _ := policies.Run(graphs, rules, policies.RunOptions{})
	for _, f := range findings {
		if !f.Undetermined && f.Address != "aws_s3_bucket.logs" {
			b.Fatalf("unexpected finding on a compliant bucket: %s", f.Message)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		policies.Run(graphs, rules, policies.RunOptions{})
	}
}
