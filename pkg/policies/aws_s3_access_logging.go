package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// S3AccessLogging asks every bucket (other than log targets) for server access logs.
var S3AccessLogging = &Rule{
	ID:    "aws-s3-access-logging",
	Title: "S3 buckets write server access logs",
	Description: "HIPAA's audit controls ask for records of who accessed PHI, from where and what they read. " +
		"The whitepaper asks for activity logs tracked and stored centrally for extended periods. S3 server " +
		"access logging records every request to a bucket (requester, source IP, object key, operation) in " +
		"a separate log bucket. A bucket that is itself the target of other buckets' access logs is exempt: " +
		"logging it into itself loops, and into a third bucket only moves the question.",
	Severity:  Low,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteAudit},
	Service:   "s3",
	Resources: []string{"aws_s3_bucket"},
	Remediation: "Add an `aws_s3_bucket_logging` for the bucket (before provider v4, an inline `logging` block):\n\n" +
		"```hcl\nresource \"aws_s3_bucket_logging\" \"phi\" {\n  bucket        = aws_s3_bucket.phi.id\n" +
		"  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = \"phi/\"\n}\n```",
	Bad: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
}`,
	Good: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
}

resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "phi/"
}`,
	Notes: []string{
		"Provider v4.0 moved access logging to `aws_s3_bucket_logging` (backported to v3.75; `bucket`, `target_bucket`, " +
			"`target_prefix`); the inline `logging` block was read-only in v4.0–v4.8 and is accepted again, " +
			"deprecated, from v4.9. Both are read.",
		"The logging resource is matched to its bucket, and log targets to their bucket, by reference or by " +
			"the same literal name (a target given as an ARN counts too). When either is not known statically " +
			"and it decides the answer, the bucket is undetermined.",
		"Same in both profiles.",
	},
	Check: checkS3AccessLogging,
}

func checkS3AccessLogging(p *Pass, r *graph.Resource) {
	blocks := r.Blocks("logging")
	for _, b := range blocks {
		if !b.Unknown {
			return // target_bucket is required in the block
		}
	}
	found, unknownLogging := bucketCompanions(p, r, "aws_s3_bucket_logging", "bucket")
	if len(found) > 0 {
		return
	}
	target := isLogTarget(p, r)
	if target == graph.True {
		return
	}
	switch {
	case r.Body.HasUnknownBlocks("logging"):
		p.Undetermined(r, r.Body, "the logging block depends on values not known before apply")
	case len(unknownLogging) > 0:
		p.Undetermined(r, r.Body, "%s names a bucket not known before apply; it may configure this bucket's access logs", unknownLogging[0].Address)
	case target == graph.Unknown:
		p.Undetermined(r, r.Body, "a logging target_bucket is not known before apply; this bucket may be a log target, which is exempt")
	default:
		p.ReportMissing(r, nil, "logging",
			"bucket has no server access logging; add an aws_s3_bucket_logging with a target_bucket for its access logs")
	}
}

// isLogTarget answers whether some bucket's access logs are written to b.
func isLogTarget(p *Pass, b *graph.Resource) graph.Tri {
	idx := logTargetIndex(p)
	if len(idx.byBucket[b]) > 0 {
		return graph.True
	}
	n := nameOfBucket(b)
	switch {
	case n.known && len(idx.byName[n.name]) > 0:
		return graph.True
	case len(idx.unknown) > 0:
		return graph.Unknown
	case !n.known && !n.generated && len(idx.literal) > 0:
		return graph.Unknown
	}
	return graph.False
}
