package policies

import (
	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// EBSEncrypted checks every shape an EBS volume is declared in, and lets
// account-level default encryption in the same configuration cover them all.
var EBSEncrypted = &Rule{
	ID:    "aws-ebs-encrypted",
	Title: "EBS volumes are encrypted at rest",
	Description: `EBS volumes attached to instances that handle PHI hold it at rest, and the whitepaper ` +
		`names EBS encryption as consistent with the HHS Guidance: each volume gets its own data key, ` +
		`protected by a KMS master key, and snapshots of an encrypted volume stay encrypted. An ` +
		`unencrypted volume cannot be encrypted in place; it has to be copied through an encrypted ` +
		`snapshot. Volumes, snapshot copies, instance and launch configuration block devices and launch ` +
		`template block device mappings are all checked, unless the configuration turns on EBS ` +
		`encryption by default for the account.`,
	Severity:  Critical,
	Section:   "Amazon Elastic Block Store",
	Citations: []string{CiteEncryption},
	Service:   "ebs",
	Resources: []string{"aws_ebs_volume", "aws_ebs_snapshot_copy", "aws_instance", "aws_spot_instance_request", "aws_launch_configuration", "aws_launch_template"},
	Remediation: "Set `encrypted = true` on every volume (a string `\"true\"` in launch template mappings), or turn " +
		"on encryption by default for the account and region:\n\n" +
		"```hcl\nresource \"aws_ebs_volume\" \"data\" {\n  availability_zone = \"us-east-1a\"\n  size              = 100\n  encrypted         = true\n  kms_key_id        = aws_kms_key.ebs.arn\n}\n\n" +
		"resource \"aws_instance\" \"app\" {\n  root_block_device {\n    encrypted = true\n  }\n}\n\n" +
		"resource \"aws_ebs_encryption_by_default\" \"this\" {\n  enabled = true\n}\n```",
	Bad: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
}`,
	Good: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}`,
	Notes: []string{
		"`encrypted` has no fixed default on `aws_ebs_volume`, `root_block_device`, `ebs_block_device` or launch template `ebs`: the provider computes it from what AWS chose (the `aws_instance` and `aws_launch_configuration` docs say \"defaults to false\", which holds only without account-level default encryption or an encrypted AMI snapshot). Omitted counts as not encrypted, on every provider version.",
		"An instance or launch configuration without a `root_block_device` block gets the AMI's root volume settings: a finding, as for an omitted `encrypted`. An instance that takes its block devices from a launch template is undetermined there.",
		"A volume, block device or snapshot copy created from a snapshot that is encrypted (followed through `aws_ebs_snapshot.volume_id` and `aws_ebs_snapshot_copy.source_snapshot_id`) is encrypted whatever `encrypted` says; a snapshot outside the configuration makes it undetermined.",
		"`aws_launch_template` `block_device_mappings.ebs.encrypted` is a string in the schema (`\"true\"`); the bool `true` converts to it.",
		"`aws_ebs_encryption_by_default` with `enabled` true or omitted (default true) anywhere in the configuration makes every volume pass; with an unknown `enabled`, findings become undetermined.",
		"Same in both profiles.",
	},
	Check: checkEBSEncrypted,
}

const ebsEncryptFix = "set encrypted = true, or enable aws_ebs_encryption_by_default"

func checkEBSEncrypted(p *Pass, r *graph.Resource) {
	byDefault := ebsDefaultEncryption(p.Graph)
	if byDefault == graph.True {
		return
	}
	specs, missingRoot, unknown := ebsVolumeSpecs(r)
	if unknown != nil {
		p.Undetermined(r, unknown, "a dynamic %s block is not known before apply, so its volumes' encryption cannot be verified", unknown.Type)
		return
	}
	if missingRoot {
		switch {
		case len(launchTemplateSpecs(r)) > 0:
			p.Undetermined(r, nil, "no root_block_device is set and the instance takes its block devices from a launch template, so the root volume's encryption cannot be verified here")
		case byDefault == graph.Unknown:
			p.Undetermined(r, nil, "no root_block_device is set, and whether aws_ebs_encryption_by_default is enabled is not known")
		default:
			p.ReportMissing(r, nil, "root_block_device.encrypted", "no root_block_device is set, so the root volume is unencrypted unless the AMI's snapshot or account-level EBS encryption by default encrypts it; add root_block_device { encrypted = true }, or enable aws_ebs_encryption_by_default")
		}
	}
	for _, v := range specs {
		ans := ebsVolumeEncrypted(p.Graph, v, 0)
		enc := setAttr(v.block.Attr("encrypted"))
		switch ans.answer {
		case graph.True:
			continue
		case graph.Unknown:
			if enc != nil && enc.Bool() == graph.Unknown {
				p.Undetermined(r, enc, "%s%s", v.prefix(), ans.why)
			} else {
				p.Undetermined(r, v.block, "%s%s", v.prefix(), ans.why)
			}
			continue
		}
		if byDefault == graph.Unknown {
			p.Undetermined(r, v.block, "%s%s, and whether aws_ebs_encryption_by_default is enabled is not known", v.prefix(), ans.why)
			continue
		}
		if enc == nil {
			in := v.block
			if v.block == r.Body {
				in = nil
			}
			p.ReportMissing(r, in, "encrypted", "%s%s; %s", v.prefix(), ans.why, ebsEncryptFix)
			continue
		}
		p.Report(r, enc, "%s%s; %s", v.prefix(), ans.why, ebsEncryptFix)
	}
}
