package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// S3Versioning asks for versioning on every bucket.
var S3Versioning = &Rule{
	ID:    "aws-s3-versioning",
	Title: "S3 buckets keep object versions",
	Description: "HIPAA asks for retrievable exact copies of electronic PHI and for protection against its " +
		"improper alteration or destruction. The whitepaper relies on Amazon S3 for back-ups; without " +
		"versioning, an overwrite or delete of an object (by mistake, by a faulty job, or by ransomware) " +
		"destroys the only copy. Versioning keeps every prior version recoverable.",
	Severity:  Low,
	Section:   "Auditing, Back-Ups, and Disaster Recovery",
	Citations: []string{CiteBackup, CiteIntegrity},
	Service:   "s3",
	Resources: []string{"aws_s3_bucket", "aws_s3_bucket_versioning"},
	Remediation: "Add an `aws_s3_bucket_versioning` for the bucket with status `Enabled` (before provider v4, an " +
		"inline `versioning { enabled = true }` block):\n\n" +
		"```hcl\nresource \"aws_s3_bucket_versioning\" \"phi\" {\n  bucket = aws_s3_bucket.phi.id\n" +
		"  versioning_configuration {\n    status = \"Enabled\"\n  }\n}\n```",
	Bad: `resource "aws_s3_bucket_versioning" "phi" {
  bucket = aws_s3_bucket.phi.id
  versioning_configuration {
    status = "Suspended"
  }
}`,
	Good: `resource "aws_s3_bucket_versioning" "phi" {
  bucket = aws_s3_bucket.phi.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
	Notes: []string{
		"Provider v4.0 moved versioning to `aws_s3_bucket_versioning` (backported to v3.75; " +
			"`versioning_configuration { status }`: " +
			"`Enabled`, `Suspended`, or `Disabled` for a bucket never versioned); the inline `versioning` block " +
			"(`enabled` defaults to false) was read-only in v4.0–v4.8 and is accepted again, deprecated, from v4.9.",
		"The split resource is matched to its bucket by reference or by the same literal name; when its " +
			"`bucket` is not known statically, the bucket's answer is undetermined. A split resource with a " +
			"status other than `Enabled` is reported on its own `status`.",
		"A bucket created with Object Lock (`object_lock_enabled = true`, or before v4 " +
			"`object_lock_configuration { object_lock_enabled = \"Enabled\" }`) passes: S3 enables versioning " +
			"on it and it cannot be suspended.",
		"Same in both profiles.",
	},
	Check: checkS3Versioning,
}

func checkS3Versioning(p *Pass, r *graph.Resource) {
	if r.Type == "aws_s3_bucket_versioning" {
		checkVersioningResource(p, r)
		return
	}
	found, unknown := bucketCompanions(p, r, "aws_s3_bucket_versioning", "bucket")
	if len(found) > 0 {
		return // judged on the versioning resource itself
	}
	lock := objectLockEnabled(r)
	if lock == graph.True {
		return // S3 turns versioning on for Object Lock buckets, for good
	}
	if lock == graph.Unknown {
		p.Undetermined(r, r.Attr("object_lock_enabled"), "object_lock_enabled (which turns versioning on) is not known before apply")
		return
	}
	blocks := r.Blocks("versioning")
	for _, b := range blocks {
		if b.Unknown {
			continue
		}
		enabled := b.Attr("enabled")
		switch {
		case enabled == nil:
			if len(unknown) == 0 {
				p.ReportMissing(r, b, "enabled", "versioning.enabled is not set (default false); set enabled = true")
				return
			}
		case enabled.Bool() == graph.True:
			return
		case enabled.Bool() == graph.False:
			if len(unknown) == 0 {
				p.Report(r, enabled, "versioning is disabled; set versioning { enabled = true } (or an aws_s3_bucket_versioning with status \"Enabled\")")
				return
			}
		default:
			p.Undetermined(r, enabled, "versioning.enabled is not known before apply")
			return
		}
	}
	if r.Body.HasUnknownBlocks("versioning") {
		p.Undetermined(r, r.Body, "the versioning block depends on values not known before apply")
		return
	}
	if len(unknown) > 0 {
		p.Undetermined(r, r.Body, "%s names a bucket not known before apply; it may enable this bucket's versioning", unknown[0].Address)
		return
	}
	p.ReportMissing(r, nil, "versioning",
		"bucket has no versioning; add an aws_s3_bucket_versioning with versioning_configuration { status = \"Enabled\" }")
}

// objectLockEnabled answers whether the bucket is created with Object Lock:
// `object_lock_enabled` (provider v4+) or, before v4, the inline
// `object_lock_configuration { object_lock_enabled = "Enabled" }`.
func objectLockEnabled(r *graph.Resource) graph.Tri {
	answer := graph.False
	if a := r.Attr("object_lock_enabled"); a != nil && !(a.Value.IsKnown() && a.Value.IsNull()) {
		answer = graph.Or(answer, a.Bool())
	}
	if r.Body.HasUnknownBlocks("object_lock_configuration") {
		answer = graph.Or(answer, graph.Unknown)
	}
	for _, b := range r.Blocks("object_lock_configuration") {
		if b.Unknown {
			continue
		}
		if a := b.Attr("object_lock_enabled"); a != nil {
			s, ok := a.String()
			switch {
			case !ok:
				answer = graph.Or(answer, graph.Unknown)
			case strings.EqualFold(s, "Enabled"):
				answer = graph.True
			}
		}
	}
	return answer
}

func checkVersioningResource(p *Pass, r *graph.Resource) {
	cfgs := r.Blocks("versioning_configuration")
	if r.Body.HasUnknownBlocks("versioning_configuration") {
		p.Undetermined(r, r.Body, "versioning_configuration depends on values not known before apply")
		return
	}
	for _, c := range cfgs {
		status := c.Attr("status")
		if status == nil {
			p.ReportMissing(r, c, "status", "versioning_configuration has no status; set status = \"Enabled\"")
			return
		}
		s, ok := status.String()
		switch {
		case !ok:
			p.Undetermined(r, status, "versioning status is not known before apply")
		case !strings.EqualFold(s, "Enabled"):
			p.Report(r, status, "versioning status is %s; set status = \"Enabled\"", enumValue(s, "Suspended", "Disabled"))
		}
		return
	}
	p.ReportMissing(r, nil, "versioning_configuration", "no versioning_configuration block; add versioning_configuration { status = \"Enabled\" }")
}

// enumValue echoes s only when it is one of the expected enum values, so
// messages never carry free text from the configuration.
func enumValue(s string, allowed ...string) string {
	for _, a := range allowed {
		if strings.EqualFold(s, a) {
			return `"` + a + `"`
		}
	}
	return "not \"Enabled\""
}
