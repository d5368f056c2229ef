package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// KMSKeyRotation asks for yearly (or shorter) rotation of the master keys the
// paper's key hierarchy rests on.
var KMSKeyRotation = &Rule{
	ID:    "aws-kms-key-rotation",
	Title: "Symmetric KMS keys rotate their key material",
	Description: `The whitepaper's KMS section protects the data keys that encrypt PHI with customer master ` +
		`keys in AWS KMS. Automatic rotation gives a key new backing material on a schedule while old ` +
		`ciphertext stays decryptable, which limits how much PHI any one key version protects and is the ` +
		`usual expectation of auditors. KMS rotates only symmetric encryption keys with key material it ` +
		`generates, so asymmetric, HMAC and custom key store keys are not checked.`,
	Severity:  Medium,
	Section:   "Using AWS KMS for Encryption of PHI",
	Citations: []string{CiteEncryption},
	Service:   "kms",
	Resources: []string{"aws_kms_key"},
	Remediation: "Set `enable_key_rotation = true` (optionally `rotation_period_in_days`, 90 to 2560):\n\n" +
		"```hcl\nresource \"aws_kms_key\" \"phi\" {\n  description         = \"PHI data keys\"\n  enable_key_rotation = true\n}\n```",
	Bad: `resource "aws_kms_key" "phi" {
  description = "PHI data keys"
}`,
	Good: `resource "aws_kms_key" "phi" {
  description         = "PHI data keys"
  enable_key_rotation = true
}`,
	Notes: []string{
		"`enable_key_rotation` defaults to false on every provider version; omitted is a finding. `rotation_period_in_days` (provider v5.37+) needs it true.",
		"Only keys with `customer_master_key_spec` `SYMMETRIC_DEFAULT` (the default) and `key_usage` `ENCRYPT_DECRYPT` (the default) are checked; keys in a custom key store (`custom_key_store_id`, `xks_key_id`) cannot be rotated by KMS and are skipped.",
		"Same in both profiles.",
	},
	Check: checkKMSKeyRotation,
}

func checkKMSKeyRotation(p *Pass, r *graph.Resource) {
	for _, name := range []string{"customer_master_key_spec", "key_usage"} {
		a := setAttr(r.Attr(name))
		if a == nil {
			continue
		}
		s, ok := a.String()
		if !ok {
			p.Undetermined(r, a, "%s is not known before apply, so whether the key can rotate is not known", name)
			return
		}
		if s != "SYMMETRIC_DEFAULT" && s != "ENCRYPT_DECRYPT" {
			// Asymmetric and HMAC keys cannot rotate automatically.
			return
		}
	}
	for _, name := range []string{"custom_key_store_id", "xks_key_id"} {
		switch r.Attr(name).IsSet() {
		case graph.True:
			return
		case graph.Unknown:
			p.Undetermined(r, r.Attr(name), "%s is not known before apply, so whether the key can rotate is not known", name)
			return
		}
	}
	a := r.Attr("enable_key_rotation")
	if a == nil {
		p.ReportMissing(r, nil, "enable_key_rotation", "enable_key_rotation is not set (default false); set enable_key_rotation = true")
		return
	}
	switch a.Bool() {
	case graph.False:
		p.Report(r, a, "enable_key_rotation is false; set enable_key_rotation = true")
	case graph.Unknown:
		p.Undetermined(r, a, "enable_key_rotation is not known before apply")
	}
}
