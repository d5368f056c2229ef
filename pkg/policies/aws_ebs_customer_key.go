package policies

import (
	"fmt"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// EBSCustomerKey asks for the key hierarchy the paper describes: volume keys
// protected by a master key the customer manages in KMS.
var EBSCustomerKey = &Rule{
	ID:    "aws-ebs-customer-key",
	Title: "EBS volumes are encrypted with a customer-managed KMS key",
	Description: `The whitepaper describes EBS encryption as a unique data key per volume protected by a ` +
		`master key "customers have the flexibility to choose" in AWS KMS, and its KMS section relies on ` +
		`customer master keys to build "a highly auditable key hierarchy" whose use is logged in ` +
		`CloudTrail. Without kms_key_id a volume uses the AWS-managed aws/ebs key, whose policy the ` +
		`customer cannot restrict or rotate on their own schedule.`,
	Severity:  Medium,
	Section:   "Amazon Elastic Block Store",
	Citations: []string{CiteEncryption},
	Service:   "ebs",
	Resources: []string{"aws_ebs_volume", "aws_ebs_snapshot_copy", "aws_instance", "aws_spot_instance_request", "aws_launch_template"},
	Remediation: "Set `kms_key_id` to a customer-managed key on every volume, or set the account's default EBS key:\n\n" +
		"```hcl\nresource \"aws_ebs_volume\" \"data\" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.ebs.arn\n}\n\n" +
		"resource \"aws_instance\" \"app\" {\n  root_block_device {\n    encrypted  = true\n    kms_key_id = aws_kms_key.ebs.arn\n  }\n}\n\n" +
		"resource \"aws_ebs_default_kms_key\" \"this\" {\n  key_arn = aws_kms_key.ebs.arn\n}\n```",
	Bad: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}`,
	Good: `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}`,
	Notes: []string{
		"`kms_key_id` exists on `aws_ebs_volume`, `aws_ebs_snapshot_copy`, instance `root_block_device`/`ebs_block_device` and launch template `block_device_mappings.ebs`; `aws_launch_configuration` has none, so it is not checked. A reference to an `aws_kms_key` counts as set even though its ARN is known only after apply.",
		"An `aws_ebs_default_kms_key` in the configuration makes every volume without `kms_key_id` pass: AWS encrypts them with that key.",
		"A volume created from a snapshot without `kms_key_id` keeps the snapshot's key: it passes when the source volume or copy in the configuration sets `kms_key_id`, and is undetermined when the snapshot is outside the configuration.",
		"An instance without `root_block_device` is a finding (its root volume uses the AMI's or the default key); one that takes block devices from a launch template is undetermined.",
		"Same in both profiles.",
	},
	Check: checkEBSCustomerKey,
}

const ebsKeyFix = "set kms_key_id to a customer-managed aws_kms_key, or set aws_ebs_default_kms_key"

func checkEBSCustomerKey(p *Pass, r *graph.Resource) {
	for _, d := range p.Graph.OfType("aws_ebs_default_kms_key") {
		if d.Attr("key_arn").IsSet() != graph.False {
			return
		}
	}
	specs, missingRoot, unknown := ebsVolumeSpecs(r)
	if unknown != nil {
		p.Undetermined(r, unknown, "a dynamic %s block is not known before apply, so its volumes' keys cannot be verified", unknown.Type)
		return
	}
	if missingRoot {
		if len(launchTemplateSpecs(r)) > 0 {
			p.Undetermined(r, nil, "no root_block_device is set and the instance takes its block devices from a launch template, so the root volume's key cannot be verified here")
		} else {
			p.ReportMissing(r, nil, "root_block_device.kms_key_id", "no root_block_device is set, so the root volume does not use a customer-managed key; add root_block_device { encrypted = true, kms_key_id = ... }, or set aws_ebs_default_kms_key")
		}
	}
	for _, v := range specs {
		key := v.block.Attr("kms_key_id")
		switch key.IsSet() {
		case graph.True:
			continue
		case graph.Unknown:
			p.Undetermined(r, key, "%skms_key_id is not known before apply", v.prefix())
			continue
		}
		if v.snapshotAttr != "" && r.Type != "aws_ebs_snapshot_copy" {
			if snap := v.block.Attr(v.snapshotAttr); snap.IsSet() != graph.False {
				switch ans := ebsSnapshotAttrKeyed(p.Graph, snap, 0); ans.answer {
				case graph.True:
					continue
				case graph.Unknown:
					p.Undetermined(r, snap, "%s: kms_key_id is not set and %s", v.prefix(), ans.why)
					continue
				}
			}
		}
		in := v.block
		if v.block == r.Body {
			in = nil
		}
		p.ReportMissing(r, in, "kms_key_id", "%skms_key_id is not set, so the AWS-managed aws/ebs key is used; %s", v.prefix(), ebsKeyFix)
	}
}

// ebsSnapshotAttrKeyed answers whether the snapshot a volume is created from
// is encrypted with a customer-managed key, which the volume then keeps.
func ebsSnapshotAttrKeyed(g *graph.Graph, a *graph.Attribute, depth int) tenancyAnswer {
	var sources []*graph.Resource
	for _, typ := range []string{"aws_ebs_snapshot", "aws_ebs_snapshot_copy", "aws_ebs_snapshot_import"} {
		sources = append(sources, g.Follow(a, typ)...)
	}
	if len(sources) == 0 || depth > maxWiringDepth {
		return tenancyAnswer{graph.Unknown, "the snapshot it is created from is outside this configuration"}
	}
	answers := make([]tenancyAnswer, 0, len(sources))
	for _, s := range sources {
		var keyed graph.Tri
		switch s.Type {
		case "aws_ebs_snapshot":
			vols := g.Follow(s.Attr("volume_id"), "aws_ebs_volume")
			if len(vols) == 0 {
				keyed = graph.Unknown
				break
			}
			keyed = graph.True
			for _, v := range vols {
				keyed = graph.And(keyed, v.Attr("kms_key_id").IsSet())
			}
		default:
			keyed = s.Attr("kms_key_id").IsSet()
		}
		switch keyed {
		case graph.True:
			answers = append(answers, tenancyAnswer{answer: graph.True})
		case graph.False:
			answers = append(answers, tenancyAnswer{graph.False, fmt.Sprintf("snapshot %s has no customer-managed key", s.Address)})
		default:
			answers = append(answers, tenancyAnswer{graph.Unknown, fmt.Sprintf("the key of snapshot %s is not known", s.Address)})
		}
	}
	// A snapshot id names one snapshot: candidates decide only when they agree.
	return oneOf(answers, "the snapshot may be any of several snapshots, with and without a customer-managed key")
}
