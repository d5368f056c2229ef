package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// S3PHIInNames keeps PHI out of what S3 does not encrypt: bucket names, object
// keys, metadata and tags.
var S3PHIInNames = &Rule{
	ID:    "aws-s3-phi-in-names",
	Title: "S3 bucket and object names, metadata and tags hold no PHI-like content",
	Description: `The whitepaper: "Customers should not use PHI in bucket names, object names, or metadata ` +
		`because this data is not encrypted using S3 server-side encryption and is not generally encrypted ` +
		`in client-side encryption architectures." Bucket names also appear in DNS, URLs, ARNs and every ` +
		`access log. A name or key shaped like an SSN, e-mail address, phone number, Medicare Beneficiary ` +
		`Identifier, medical record number or date of birth is a finding, as is a metadata or tag key ` +
		`naming a PHI field. A bucket name that only describes its content (patient-records) is not.`,
	Severity:  High,
	Section:   "Amazon S3",
	Citations: []string{CiteEncryption},
	Service:   "s3",
	Resources: []string{"aws_s3_bucket", "aws_s3_object", "aws_s3_bucket_object", "aws_s3_object_copy"},
	Remediation: "Name buckets and objects with opaque identifiers and keep PHI in the (encrypted) object body; " +
		"a lookup from identifier to patient belongs in an encrypted database:\n\n" +
		"```hcl\nresource \"aws_s3_object\" \"report\" {\n  bucket = aws_s3_bucket.records.id\n  key    = \"reports/7f3a9e2c.pdf\"\n  metadata = {\n    record-type = \"lab-report\"\n  }\n}\n```",
	Bad: `resource "aws_s3_object" "report" {
  bucket = aws_s3_bucket.records.id
  key    = "reports/123-45-6789.pdf"
  metadata = {
    patient-email = "jane.doe@gmail.com"
  }
}`,
	Good: `resource "aws_s3_object" "report" {
  bucket = aws_s3_bucket.records.id
  key    = "reports/7f3a9e2c.pdf"
  metadata = {
    record-type = "lab-report"
  }
}`,
	Notes: []string{
		"Bucket names, prefixes and object keys are checked for value shapes only: a name like `patient-records` or `ssn-lookup` describes PHI, it does not contain any. Metadata and tag keys are also checked for PHI field names (`patient_email`, `DateOfBirth`).",
		"One finding per attribute; the message names the kinds found, never the value.",
		"The config's `phi { extra_keywords, allow }` adds field names and allows known non-PHI strings.",
		"Same in both profiles.",
	},
	Check: checkS3PHIInNames,
}

func checkS3PHIInNames(p *Pass, r *graph.Resource) {
	if r.Type == "aws_s3_bucket" {
		const fix = "rename the bucket with an opaque name: bucket names are not encrypted and appear in URLs, ARNs and logs"
		checkPHIString(p, r, r.Attr("bucket"), "bucket name", fix, false)
		checkPHIString(p, r, r.Attr("bucket_prefix"), "bucket name prefix", fix, false)
		checkPHIMap(p, r, r.Attr("tags"), "bucket tags", tagsFix)
		return
	}
	checkPHIString(p, r, r.Attr("key"), "object key", "use an opaque object key: keys are not encrypted by server-side encryption", false)
	checkPHIMap(p, r, r.Attr("metadata"), "object metadata", "keep PHI out of object metadata: it is not encrypted by server-side encryption")
	checkPHIMap(p, r, r.Attr("tags"), "object tags", tagsFix)
}
