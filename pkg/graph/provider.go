package graph

import (
	"github.com/hashicorp/go-version"
)

// ProviderVersion is what is known of the AWS provider version a root module
// runs with. Defaults change between major versions (aws_redshift_cluster.encrypted
// is false before v6 and true from v6), so rules ask about it rather than assume.
type ProviderVersion struct {
	// Locked is the exact version from .terraform.lock.hcl, "" if none.
	Locked string
	// Constraint is the required_providers constraint, "" if none.
	Constraint string
}

// AtLeast answers whether the provider is at major version `major` or later.
func (p ProviderVersion) AtLeast(major int) Tri {
	target := version.Must(version.NewVersion(itoa(major) + ".0.0"))
	if p.Locked != "" {
		if v, err := version.NewVersion(p.Locked); err == nil {
			return TriOf(!v.LessThan(target))
		}
	}
	if p.Constraint == "" {
		return Unknown
	}
	cs, err := version.NewConstraint(p.Constraint)
	if err != nil {
		return Unknown
	}
	// Probe a range of versions: if every allowed probe sits on one side of
	// the target, the answer is known.
	below, above := false, false
	for maj := 0; maj <= 12; maj++ {
		for _, minor := range []int{0, 1, 10, 50, 99} {
			for _, patch := range []int{0, 1, 99} {
				v := version.Must(version.NewVersion(itoa(maj) + "." + itoa(minor) + "." + itoa(patch)))
				if !cs.Check(v) {
					continue
				}
				if v.LessThan(target) {
					below = true
				} else {
					above = true
				}
			}
		}
	}
	switch {
	case above && !below:
		return True
	case below && !above:
		return False
	}
	return Unknown
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var buf [20]byte
	n := len(buf)
	for i > 0 {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
	}
	return string(buf[n:])
}
