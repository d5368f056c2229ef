package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// S3SecureTransport asks every bucket's policy to refuse plain-HTTP requests.
var S3SecureTransport = &Rule{
	ID:    "aws-s3-secure-transport",
	Title: "S3 bucket policies deny requests that do not use TLS",
	Description: "The whitepaper requires connections to Amazon S3 containing PHI to use endpoints that accept " +
		"encrypted transport (HTTPS). S3 still answers plain HTTP, so the only way to make a bucket refuse it " +
		"is a bucket policy with a Deny statement on the condition Bool aws:SecureTransport = false. Without " +
		"one, a misconfigured client can read or write PHI in clear text.",
	Severity:  Critical,
	Section:   "Amazon S3",
	Citations: []string{CiteTransmission},
	Service:   "s3",
	Resources: []string{"aws_s3_bucket", "aws_s3_bucket_policy"},
	Remediation: "Attach a bucket policy that denies every request made without TLS:\n\n" +
		"```hcl\ndata \"aws_iam_policy_document\" \"tls_only\" {\n  statement {\n    sid     = \"DenyInsecureTransport\"\n" +
		"    effect  = \"Deny\"\n    actions = [\"s3:*\"]\n    resources = [aws_s3_bucket.phi.arn, \"${aws_s3_bucket.phi.arn}/*\"]\n" +
		"    principals {\n      type        = \"*\"\n      identifiers = [\"*\"]\n    }\n    condition {\n" +
		"      test     = \"Bool\"\n      variable = \"aws:SecureTransport\"\n      values   = [\"false\"]\n    }\n  }\n}\n\n" +
		"resource \"aws_s3_bucket_policy\" \"phi\" {\n  bucket = aws_s3_bucket.phi.id\n" +
		"  policy = data.aws_iam_policy_document.tls_only.json\n}\n```",
	Bad: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
}`,
	Good: `resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-phi", "arn:aws:s3:::acme-phi/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}`,
	Notes: []string{
		"The policy is read from `aws_s3_bucket_policy.policy` (matched to its bucket by reference or by the " +
			"same literal name) or from the bucket's inline `policy` (deprecated since provider v4). It may be " +
			"`jsonencode(...)`, heredoc JSON, or `data.aws_iam_policy_document.<name>.json`, whose `statement` and " +
			"`condition` blocks and `source_policy_documents` are read directly.",
		"A `jsonencode(...)` or heredoc that interpolates a value known only at apply (a bucket ARN) cannot be " +
			"read before apply, in HCL as in a plan: the check is undetermined. `aws_iam_policy_document` keeps " +
			"the statement readable, since only its `resources` are unknown.",
		"Documents behind `count = 0` add nothing (the branch not taken in `flag ? doc[0].json : \"\"`). A " +
			"document wrapped in other expressions (`replace(doc.json, \"_ARN_\", aws_s3_bucket.b.arn)`) or merged " +
			"through `compact()` over values known only at apply passes when it has the Deny and is undetermined " +
			"when it has not, since the other parts may add statements.",
		"`BoolIfExists` counts as `Bool`. A bucket policy resource is judged on its own document: S3 keeps one " +
			"policy per bucket.",
		"Same in both profiles.",
	},
	Check: checkS3SecureTransport,
}

func checkS3SecureTransport(p *Pass, r *graph.Resource) {
	if r.Type == "aws_s3_bucket_policy" {
		checkPolicyAttrTLS(p, r, "policy", "bucket policy", "s3:*")
		return
	}
	if r.Attr("policy").IsSet() != graph.False {
		checkPolicyAttrTLS(p, r, "policy", "bucket policy", "s3:*")
		return
	}
	found, unknown := bucketCompanions(p, r, "aws_s3_bucket_policy", "bucket")
	if len(found) > 0 {
		return // the policy resource is judged on its own
	}
	if len(unknown) > 0 {
		p.Undetermined(r, r.Body, "%s names a bucket not known before apply; it may be this bucket's policy", unknown[0].Address)
		return
	}
	p.ReportMissing(r, nil, "policy",
		"bucket has no bucket policy, so plain-HTTP requests are not refused; add an aws_s3_bucket_policy with a Deny statement on Bool aws:SecureTransport = \"false\"")
}

// checkPolicyAttrTLS judges one policy attribute (S3 bucket policy, Glacier
// access policy) on whether it refuses requests made without TLS.
func checkPolicyAttrTLS(p *Pass, r *graph.Resource, attr, what, actions string) {
	a := r.Attr(attr)
	if a.IsSet() == graph.False {
		p.ReportMissing(r, nil, attr,
			"%s is not set, so plain-HTTP requests are not refused; add a Deny statement for %s on Bool aws:SecureTransport = \"false\"", what, actions)
		return
	}
	doc, ok := readPolicyAttr(p, a)
	if !ok {
		p.Undetermined(r, a, "%s is not known before apply, so whether it denies aws:SecureTransport = \"false\" cannot be read", what)
		return
	}
	switch deniesInsecureTransport(doc) {
	case graph.False:
		p.Report(r, a, "%s has no Deny statement on Bool aws:SecureTransport = \"false\"; add one denying %s to refuse plain-HTTP requests", what, actions)
	case graph.Unknown:
		p.Undetermined(r, a, "%s depends on values not known before apply; whether it denies aws:SecureTransport = \"false\" cannot be read", what)
	}
}
