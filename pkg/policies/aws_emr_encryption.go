package policies

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// EMREncryption follows a cluster to its security configuration and reads the
// configuration's JSON, the only place EMR encryption is switched on.
var EMREncryption = &Rule{
	ID:    "aws-emr-encryption",
	Title: "EMR clusters encrypt data at rest and in transit",
	Description: `EMR clusters that process PHI hold it on local disks, in EMRFS data in S3, and in traffic ` +
		`between nodes. The whitepaper points to EMR's encryption options for all of it: an EMR security ` +
		`configuration with at-rest encryption (S3 and local disks) and in-transit encryption (TLS between ` +
		`nodes) enabled. A cluster without a security configuration, or with one that leaves either off, ` +
		`keeps PHI in plaintext somewhere.`,
	Severity:  Critical,
	Section:   "Amazon EMR",
	Citations: []string{CiteEncryption, CiteTransmission},
	Service:   "emr",
	Resources: []string{"aws_emr_cluster"},
	Remediation: "Give the cluster a security configuration that enables both:\n\n" +
		"```hcl\nresource \"aws_emr_security_configuration\" \"phi\" {\n  name = \"phi\"\n  configuration = jsonencode({\n" +
		"    EncryptionConfiguration = {\n      EnableAtRestEncryption    = true\n      EnableInTransitEncryption = true\n" +
		"      AtRestEncryptionConfiguration = {\n        S3EncryptionConfiguration = { EncryptionMode = \"SSE-KMS\", AwsKmsKey = aws_kms_key.emr.arn }\n" +
		"        LocalDiskEncryptionConfiguration = { EncryptionKeyProviderType = \"AwsKms\", AwsKmsKey = aws_kms_key.emr.arn }\n      }\n" +
		"      InTransitEncryptionConfiguration = {\n        TLSCertificateConfiguration = { CertificateProviderType = \"PEM\", S3Object = \"s3://certs/emr.zip\" }\n      }\n" +
		"    }\n  })\n}\n\nresource \"aws_emr_cluster\" \"analytics\" {\n  security_configuration = aws_emr_security_configuration.phi.name\n}\n```",
	Bad: `resource "aws_emr_cluster" "analytics" {
  name          = "analytics"
  release_label = "emr-7.1.0"
  service_role  = aws_iam_role.emr.arn
}`,
	Good: `resource "aws_emr_security_configuration" "phi" {
  name = "phi"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
      # AtRestEncryptionConfiguration and InTransitEncryptionConfiguration as in the fix
    }
  })
}

resource "aws_emr_cluster" "analytics" {
  name                   = "analytics"
  release_label          = "emr-7.1.0"
  service_role           = aws_iam_role.emr.arn
  security_configuration = aws_emr_security_configuration.phi.name
}`,
	Notes: []string{
		"`aws_emr_cluster.security_configuration` names an `aws_emr_security_configuration` by reference or by its literal `name`; a configuration outside this Terraform configuration is undetermined.",
		"The `configuration` JSON is read whether written as a heredoc or with `jsonencode`; `EncryptionConfiguration.EnableAtRestEncryption` and `EnableInTransitEncryption` both default to false when absent. These names have not changed across provider versions.",
		"Same in both profiles.",
	},
	Check: checkEMREncryption,
}

func checkEMREncryption(p *Pass, r *graph.Resource) {
	a := r.Attr("security_configuration")
	switch a.IsSet() {
	case graph.False:
		p.ReportMissing(r, nil, "security_configuration", "security_configuration is not set, so neither at-rest nor in-transit encryption is enabled; set security_configuration to an aws_emr_security_configuration with EnableAtRestEncryption and EnableInTransitEncryption true")
		return
	case graph.Unknown:
		p.Undetermined(r, a, "security_configuration is not known before apply")
		return
	}
	configs := p.Graph.Follow(a, "aws_emr_security_configuration")
	if len(a.Refs) == 0 {
		if name, ok := a.String(); ok {
			configs = p.Graph.WithAttrValue("aws_emr_security_configuration", "name", name)
		}
	}
	if name, ok := a.String(); ok && len(configs) > 1 {
		// A known name picks the configuration among several references (a
		// conditional between two configurations).
		var named []*graph.Resource
		for _, sc := range configs {
			if s, ok := sc.Attr("name").String(); ok && s == name {
				named = append(named, sc)
			}
		}
		if len(named) > 0 {
			configs = named
		}
	}
	if len(configs) == 0 {
		p.Undetermined(r, a, "the security configuration is outside this configuration")
		return
	}
	// security_configuration names one configuration; several candidates (a
	// conditional, one name shared by configurations in different modules)
	// decide only when they agree.
	var failing []string
	for _, sc := range configs {
		atRest, inTransit, ok := emrEncryptionSettings(sc)
		if !ok {
			p.Undetermined(r, a, "the configuration of %s is not known before apply", sc.Address)
			return
		}
		var off []string
		if !atRest {
			off = append(off, "EnableAtRestEncryption")
		}
		if !inTransit {
			off = append(off, "EnableInTransitEncryption")
		}
		if len(off) > 0 {
			failing = append(failing, fmt.Sprintf("security configuration %s does not set EncryptionConfiguration.%s to true", sc.Address, strings.Join(off, " and ")))
		}
	}
	switch {
	case len(failing) == 0:
		return
	case len(failing) < len(configs):
		p.Undetermined(r, a, "security_configuration may name any of several configurations, and %s", failing[0])
	default:
		p.Report(r, a, "%s; enable both at-rest and in-transit encryption", failing[0])
	}
}

// emrEncryptionSettings reads the two switches from a security
// configuration's JSON. ok is false when the JSON is not known statically.
// A switch that is absent is off: that is EMR's default.
func emrEncryptionSettings(sc *graph.Resource) (atRest, inTransit, ok bool) {
	s, _, known := sc.Attr("configuration").JSON()
	if !known {
		return false, false, false
	}
	var doc struct {
		EncryptionConfiguration map[string]any
	}
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		// EMR refuses a configuration that is not JSON; that is an apply
		// error, not an encryption finding.
		return false, false, false
	}
	atRestV, inTransitV := doc.EncryptionConfiguration["EnableAtRestEncryption"], doc.EncryptionConfiguration["EnableInTransitEncryption"]
	if atRestV == graph.KnownAfterApply || inTransitV == graph.KnownAfterApply {
		// A switch set from a value known only after apply.
		return false, false, false
	}
	return jsonTrue(atRestV), jsonTrue(inTransitV), true
}

// jsonTrue accepts JSON true and the string "true", which the EMR API also takes.
func jsonTrue(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case string:
		return strings.EqualFold(strings.TrimSpace(t), "true")
	}
	return false
}
