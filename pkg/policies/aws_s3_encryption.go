package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// S3Encryption asks for default server-side encryption on every bucket.
var S3Encryption = &Rule{
	ID:    "aws-s3-encryption",
	Title: "S3 buckets have default server-side encryption configured",
	Description: "The whitepaper expects PHI stored in Amazon S3 to be encrypted at rest, with server-side " +
		"or client-side encryption. A bucket's default encryption configuration makes every object written " +
		"without encryption headers encrypted with SSE-S3 (AES256), SSE-KMS (aws:kms) or DSSE-KMS " +
		"(aws:kms:dsse). The whitepaper profile asks for that configuration to be explicit, so the choice " +
		"of key is visible in review and in the state.",
	Severity:  Critical,
	Section:   "Amazon S3",
	Citations: []string{CiteEncryption},
	Service:   "s3",
	Resources: []string{"aws_s3_bucket"},
	Remediation: "Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket (or, before " +
		"provider v4, an inline `server_side_encryption_configuration` block):\n\n" +
		"```hcl\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"phi\" {\n" +
		"  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n" +
		"      sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = aws_kms_key.phi.arn\n    }\n" +
		"    bucket_key_enabled = true\n  }\n}\n```",
	Bad: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
}`,
	Good: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {
  bucket = aws_s3_bucket.phi.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}`,
	Notes: []string{
		"Provider v4.0 moved encryption to `aws_s3_bucket_server_side_encryption_configuration` (backported to " +
			"v3.75); the inline " +
			"`server_side_encryption_configuration` block was read-only in v4.0–v4.8 and is accepted again, " +
			"deprecated, from v4.9. Both forms are read; the split resource is matched to its bucket by " +
			"reference or by the same literal bucket name.",
		"`sse_algorithm` accepts `AES256`, `aws:kms` and (provider v5.x and later) `aws:kms:dsse`.",
		"When the split resource's `bucket` is not known statically, the bucket's answer is undetermined.",
		"Profile `current`: a bucket without any configuration passes, since S3 has encrypted every new " +
			"object with SSE-S3 by default since January 2023. A configuration that is present is still checked.",
	},
	Check: checkS3Encryption,
}

var validSSEAlgorithms = map[string]bool{"AES256": true, "aws:kms": true, "aws:kms:dsse": true}

func checkS3Encryption(p *Pass, r *graph.Resource) {
	var undetermined graph.Node
	// Inline configuration (v3, and deprecated v4.9+).
	inline := r.Blocks("server_side_encryption_configuration")
	for _, b := range inline {
		if b.Unknown {
			continue
		}
		switch ok, at := sseBlockEncrypts(b); ok {
		case graph.True:
			return
		case graph.False:
			p.Report(r, at, "server_side_encryption_configuration has no valid sse_algorithm; set sse_algorithm = \"aws:kms\" (or \"AES256\")")
			return
		default:
			undetermined = at
		}
	}
	if r.Body.HasUnknownBlocks("server_side_encryption_configuration") && undetermined == nil {
		undetermined = r.Body
	}

	found, unknown := bucketCompanions(p, r, "aws_s3_bucket_server_side_encryption_configuration", "bucket")
	for _, c := range found {
		switch ok, _ := sseBlockEncrypts(c.Body); ok {
		case graph.True:
			return
		case graph.Unknown:
			if undetermined == nil {
				undetermined = r.Body
			}
		}
	}
	if undetermined != nil {
		p.Undetermined(r, undetermined, "the default encryption configuration depends on values not known before apply")
		return
	}
	if len(unknown) > 0 {
		p.Undetermined(r, r.Body, "%s names a bucket not known before apply; it may configure this bucket's encryption", unknown[0].Address)
		return
	}
	if len(found) > 0 {
		// A split configuration with a known, invalid algorithm: the provider
		// would reject it, but it encrypts nothing either.
		p.Report(r, nil, "%s sets no valid sse_algorithm; set sse_algorithm = \"aws:kms\" (or \"AES256\")", found[0].Address)
		return
	}
	if p.Profile == ProfileCurrent {
		return
	}
	p.ReportMissing(r, nil, "server_side_encryption_configuration",
		"bucket has no default encryption configuration; add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = \"aws:kms\" (or \"AES256\")")
}

// sseBlockEncrypts reads `rule { apply_server_side_encryption_by_default { sse_algorithm } }`
// under b (an inline configuration block, or a split resource's body) and
// returns the node to point at.
func sseBlockEncrypts(b *graph.Block) (graph.Tri, graph.Node) {
	answer := graph.False
	var at graph.Node = b
	if b.HasUnknownBlocks("rule") {
		answer = graph.Unknown
	}
	for _, rule := range b.NestedBlocks("rule") {
		if rule.Unknown {
			continue
		}
		if rule.HasUnknownBlocks("apply_server_side_encryption_by_default") {
			answer = graph.Or(answer, graph.Unknown)
		}
		for _, def := range rule.NestedBlocks("apply_server_side_encryption_by_default") {
			if def.Unknown {
				continue
			}
			alg := def.Attr("sse_algorithm")
			if alg == nil {
				continue
			}
			at = alg
			s, ok := alg.String()
			if !ok {
				answer = graph.Or(answer, graph.Unknown)
				continue
			}
			answer = graph.Or(answer, graph.TriOf(validSSEAlgorithms[s]))
		}
	}
	return answer, at
}
