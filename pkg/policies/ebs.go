package policies

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// EBS volumes are declared in five shapes (a volume, a snapshot copy, the
// block devices of instances and launch configurations, the block device
// mappings of launch templates). ebsVolumeSpecs reduces each to the block that
// holds encrypted / kms_key_id / snapshot_id, so the EBS rules ask one question.

// ebsVolumeSpec is one volume a resource creates.
type ebsVolumeSpec struct {
	// block holds the volume's settings; the resource body for volumes and copies.
	block *graph.Block
	// snapshotAttr names the attribute a volume inherits encryption from.
	snapshotAttr string
	// what names the block in messages ("root_block_device"); "" for the resource itself.
	what string
}

// prefix starts a message about the volume with the block it sits in.
func (v ebsVolumeSpec) prefix() string {
	if v.what == "" {
		return ""
	}
	return v.what + ": "
}

// ebsVolumeSpecs returns the volumes r creates. missingRoot is true when an
// instance or launch configuration sets no root_block_device, so its root
// volume takes the AMI's settings. unknown is a dynamic block whose volumes
// are not known.
func ebsVolumeSpecs(r *graph.Resource) (specs []ebsVolumeSpec, missingRoot bool, unknown *graph.Block) {
	switch r.Type {
	case "aws_ebs_volume":
		return []ebsVolumeSpec{{r.Body, "snapshot_id", ""}}, false, nil
	case "aws_ebs_snapshot_copy":
		return []ebsVolumeSpec{{r.Body, "source_snapshot_id", ""}}, false, nil
	case "aws_instance", "aws_spot_instance_request", "aws_launch_configuration":
		roots := r.Blocks("root_block_device")
		missingRoot = len(roots) == 0
		for _, b := range roots {
			if b.Unknown {
				return nil, false, b
			}
			specs = append(specs, ebsVolumeSpec{b, "", "root_block_device"})
		}
		for _, b := range r.Blocks("ebs_block_device") {
			if b.Unknown {
				return nil, false, b
			}
			specs = append(specs, ebsVolumeSpec{b, "snapshot_id", "ebs_block_device" + deviceLabel(b)})
		}
		return specs, missingRoot, nil
	case "aws_launch_template":
		for _, m := range r.Blocks("block_device_mappings") {
			if m.Unknown {
				return nil, false, m
			}
			for _, ebs := range m.NestedBlocks("ebs") {
				if ebs.Unknown {
					return nil, false, ebs
				}
				specs = append(specs, ebsVolumeSpec{ebs, "snapshot_id", "block_device_mappings" + deviceLabel(m) + ".ebs"})
			}
		}
		return specs, false, nil
	}
	return nil, false, nil
}

// ebsDefaultEncryption answers whether the configuration turns on account-level
// EBS encryption by default (aws_ebs_encryption_by_default.enabled defaults to true).
func ebsDefaultEncryption(g *graph.Graph) graph.Tri {
	out := graph.False
	for _, r := range g.OfType("aws_ebs_encryption_by_default") {
		a := r.Attr("enabled")
		if a == nil {
			return graph.True
		}
		switch a.Bool() {
		case graph.True:
			return graph.True
		case graph.Unknown:
			out = graph.Unknown
		}
	}
	return out
}

// ebsSnapshotAttrEncrypted answers whether the snapshot an attribute names is
// encrypted, following snapshots to their volumes and copies to their sources.
func ebsSnapshotAttrEncrypted(g *graph.Graph, a *graph.Attribute, depth int) tenancyAnswer {
	var sources []*graph.Resource
	for _, typ := range []string{"aws_ebs_snapshot", "aws_ebs_snapshot_copy", "aws_ebs_snapshot_import"} {
		sources = append(sources, g.Follow(a, typ)...)
	}
	if len(sources) == 0 || depth > maxWiringDepth {
		return tenancyAnswer{graph.Unknown, "the snapshot it is created from is outside this configuration, so its encryption is not known"}
	}
	// A snapshot id names one snapshot: several candidates decide only when
	// they agree.
	answers := make([]tenancyAnswer, 0, len(sources))
	for _, s := range sources {
		answers = append(answers, ebsSnapshotEncrypted(g, s, depth+1))
	}
	return oneOf(answers, "the snapshot may be any of several snapshots, encrypted and not")
}

func ebsSnapshotEncrypted(g *graph.Graph, s *graph.Resource, depth int) tenancyAnswer {
	switch s.Type {
	case "aws_ebs_snapshot":
		vols := g.Follow(s.Attr("volume_id"), "aws_ebs_volume")
		if len(vols) == 0 {
			return tenancyAnswer{graph.Unknown, fmt.Sprintf("the volume of snapshot %s is outside this configuration", s.Address)}
		}
		answers := make([]tenancyAnswer, 0, len(vols))
		for _, v := range vols {
			ans := ebsVolumeEncrypted(g, ebsVolumeSpec{v.Body, "snapshot_id", ""}, depth+1)
			if ans.answer == graph.False {
				ans.why = fmt.Sprintf("snapshot %s is of unencrypted volume %s", s.Address, v.Address)
			}
			answers = append(answers, ans)
		}
		return oneOf(answers, fmt.Sprintf("the volume of snapshot %s may be any of several volumes, encrypted and not", s.Address))
	case "aws_ebs_snapshot_copy", "aws_ebs_snapshot_import":
		v := ebsVolumeEncrypted(g, ebsVolumeSpec{s.Body, "source_snapshot_id", "the snapshot copy"}, depth+1)
		if v.answer == graph.False {
			v.why = fmt.Sprintf("snapshot %s is not encrypted", s.Address)
		}
		return v
	}
	return tenancyAnswer{graph.Unknown, "the snapshot's encryption is not known"}
}

// ebsVolumeEncrypted answers whether one volume is encrypted by its own
// settings or by the snapshot it is created from (a volume or copy of an
// encrypted snapshot is always encrypted). Account-level default encryption
// is the caller's business.
func ebsVolumeEncrypted(g *graph.Graph, v ebsVolumeSpec, depth int) tenancyAnswer {
	enc := setAttr(v.block.Attr("encrypted"))
	switch enc.Bool() {
	case graph.True:
		return tenancyAnswer{answer: graph.True}
	case graph.Unknown:
		if enc != nil {
			return tenancyAnswer{graph.Unknown, "encrypted is not known before apply"}
		}
	}
	source := ""
	if v.snapshotAttr != "" {
		if snap := v.block.Attr(v.snapshotAttr); snap.IsSet() != graph.False {
			s := ebsSnapshotAttrEncrypted(g, snap, depth)
			if s.answer != graph.False {
				return s
			}
			source = " and " + s.why
		}
	}
	if enc == nil {
		return tenancyAnswer{graph.False, "encrypted is not set (the provider has no default: unencrypted unless account-level EBS encryption by default is on)" + source}
	}
	return tenancyAnswer{graph.False, "encrypted is false" + source}
}

// setAttr treats an attribute holding a known empty string as omitted: plans
// write omitted string-typed flags (launch template ebs.encrypted) as "".
func setAttr(a *graph.Attribute) *graph.Attribute {
	if a.IsSet() == graph.False {
		return nil
	}
	return a
}

// deviceNameRe is what a block device name looks like (/dev/sdf, xvdb,
// /dev/nvme1n1). Only such names are echoed: messages never repeat free text.
var deviceNameRe = regexp.MustCompile(`^(/dev/)?[a-z]{2,5}[a-z0-9]{0,6}$`)

// deviceLabel names a block device mapping in messages, so two volumes of one
// resource are told apart: ` "/dev/sdf"`, or "" when the name is not known.
func deviceLabel(b *graph.Block) string {
	name, ok := b.Attr("device_name").String()
	if !ok || !deviceNameRe.MatchString(name) {
		return ""
	}
	return " " + strconv.Quote(name)
}
