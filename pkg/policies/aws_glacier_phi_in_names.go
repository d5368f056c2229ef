package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// GlacierPHIInNames keeps PHI out of Glacier vault names and tags.
var GlacierPHIInNames = &Rule{
	ID:    "aws-glacier-phi-in-names",
	Title: "Glacier vault names and tags hold no PHI-like content",
	Description: `The whitepaper: "Customers should not use PHI in archive and vault names or metadata ` +
		`because this data is not encrypted using Amazon Glacier server-side encryption and is not ` +
		`generally encrypted in client-side encryption architectures." A vault name shaped like an SSN, ` +
		`e-mail address, phone number, Medicare Beneficiary Identifier, medical record number or date of ` +
		`birth is a finding, as is a tag holding one or a tag key naming a PHI field.`,
	Severity:  High,
	Section:   "Amazon Glacier",
	Citations: []string{CiteEncryption},
	Service:   "glacier",
	Resources: []string{"aws_glacier_vault"},
	Remediation: "Name vaults with opaque identifiers and keep PHI in the encrypted archives:\n\n" +
		"```hcl\nresource \"aws_glacier_vault\" \"archive\" {\n  name = \"records-archive-2024\"\n  tags = {\n    DataClassification = \"phi\"\n  }\n}\n```",
	Bad: `resource "aws_glacier_vault" "archive" {
  name = "records-mrn-0012345"
}`,
	Good: `resource "aws_glacier_vault" "archive" {
  name = "records-archive-2024"
}`,
	Notes: []string{
		"The vault name is checked for value shapes only (`medical-records-vault` describes, it does not contain PHI); tag keys also for PHI field names.",
		"Archive descriptions are set by the uploading client, not by Terraform, and cannot be checked here.",
		"Same in both profiles.",
	},
	Check: checkGlacierPHIInNames,
}

func checkGlacierPHIInNames(p *Pass, r *graph.Resource) {
	checkPHIString(p, r, r.Attr("name"), "vault name", "rename the vault with an opaque name: vault names are not encrypted", false)
	checkPHIMap(p, r, r.Attr("tags"), "vault tags", tagsFix)
}
