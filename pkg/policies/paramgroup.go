package policies

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// Database settings that matter for HIPAA (require_secure_transport,
// rds.force_ssl, Redshift's require_ssl, Oracle's native network encryption)
// live in parameter and option groups, named from the database by reference
// or by literal name. This file finds the group and reads it, for RDS, Aurora
// and Redshift alike.

// groupSource says where a database's group comes from.
type groupSource int8

const (
	// groupDefault: the attribute is omitted or names an AWS default group
	// ("default.mysql8.0", "default:oracle-ee-19"), whose settings are the
	// engine defaults.
	groupDefault groupSource = iota
	// groupFound: the group is a resource of this configuration.
	groupFound
	// groupOutside: the group is named, but its name is not known statically
	// or no resource of the configuration has it, so its settings are unknown.
	groupOutside
)

// groupLookup is where a database's group was found.
type groupLookup struct {
	source groupSource
	// attr is the attribute naming the group; nil when it is omitted.
	attr *graph.Attribute
	// groups are the resources found (several when the reference names every
	// instance of a counted group).
	groups []*graph.Resource
	// name is the literal group name when known.
	name string
}

// configuredAttr returns the named attribute of r, or nil when the configuration
// leaves it unset. Beyond graph's rule (a known null without references is
// omitted) a known null *with* references is omitted too: module code writes
// `create ? aws_x.this[0].name : null`, whose references do not make the
// null a value.
func configuredAttr(r *graph.Resource, name string) *graph.Attribute {
	a := r.Attr(name)
	if a != nil && a.Value.IsKnown() && a.Value.IsNull() {
		return nil
	}
	return a
}

// lookupGroup follows attr (parameter_group_name, option_group_name, ...) to
// the groups of type groupType, by reference first and then by literal name.
func lookupGroup(g *graph.Graph, attr *graph.Attribute, groupType string) groupLookup {
	if attr == nil {
		return groupLookup{source: groupDefault}
	}
	out := groupLookup{attr: attr}
	if found := g.Follow(attr, groupType); len(found) > 0 {
		out.source = groupFound
		out.groups = found
		out.name, _ = attr.String()
		if len(found) > 1 && out.name != "" {
			// A reference into a counted group whose key is not static
			// (aws_db_parameter_group.tls[each.key].name): the evaluated
			// name still tells which instance is meant.
			var named []*graph.Resource
			for _, grp := range found {
				if s, ok := grp.Attr("name").String(); ok && strings.EqualFold(s, out.name) {
					named = append(named, grp)
				}
			}
			if len(named) > 0 {
				out.groups = named
			}
		}
		return out
	}
	if attr.Value.IsKnown() && attr.Value.IsNull() {
		// `create ? aws_db_parameter_group.x[0].name : null` with create
		// false: the group is omitted.
		return groupLookup{source: groupDefault}
	}
	name, ok := attr.String()
	if !ok {
		out.source = groupOutside
		return out
	}
	out.name = name
	if strings.TrimSpace(name) == "" {
		out.source = groupDefault
		return out
	}
	out.groups = resourcesNamed(g, groupType, "name", name)
	switch {
	case len(out.groups) > 0:
		out.source = groupFound
	case isDefaultGroupName(name):
		out.source = groupDefault
	default:
		out.source = groupOutside
	}
	return out
}

// nameIndexKey memoizes, per graph, the index of one type's attribute by
// lower-cased literal value.
type nameIndexKey struct{ typ, attr string }

// resourcesNamed returns the resources of a type whose attribute holds name,
// compared case-insensitively: RDS and Redshift store identifiers and group
// names in lower case. Without the index, wiring by literal name would cost
// databases × groups.
func resourcesNamed(g *graph.Graph, typ, attr, name string) []*graph.Resource {
	idx := g.Memo(nameIndexKey{typ, attr}, func() any {
		idx := map[string][]*graph.Resource{}
		for _, r := range g.OfType(typ) {
			if s, ok := r.Attr(attr).String(); ok {
				k := strings.ToLower(s)
				idx[k] = append(idx[k], r)
			}
		}
		return idx
	}).(map[string][]*graph.Resource)
	found := idx[strings.ToLower(name)]
	// Clipped, so a caller's append cannot write into the index.
	return found[:len(found):len(found)]
}

// isDefaultGroupName recognises the names AWS reserves for its default
// groups: users cannot create a group whose name starts with "default".
func isDefaultGroupName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "default.") || strings.HasPrefix(n, "default:")
}

// groupParameter reads the `parameter { name, value }` block named name
// (case-insensitively, as the services do). It returns the value attribute of
// the block when one matches; open is true when a block whose name or number
// is not known (a dynamic block over an unknown collection) might be it.
func groupParameter(group *graph.Resource, name string) (value *graph.Attribute, found, open bool) {
	b, open := namedBlock(group.Blocks("parameter"), group.Body.HasUnknownBlocks("parameter"), "name", name)
	if b == nil {
		return nil, false, open
	}
	return b.Attr("value"), true, open
}

// groupOption finds the `option` block with option_name (case-insensitive) in
// an aws_db_option_group. open is true when unknown blocks might hold it.
func groupOption(group *graph.Resource, optionName string) (option *graph.Block, open bool) {
	return namedBlock(group.Blocks("option"), group.Body.HasUnknownBlocks("option"), "option_name", optionName)
}

// optionSetting reads the `option_settings { name, value }` of an option
// block, like groupParameter.
func optionSetting(option *graph.Block, name string) (value *graph.Attribute, found, open bool) {
	b, open := namedBlock(option.NestedBlocks("option_settings"), option.HasUnknownBlocks("option_settings"), "name", name)
	if b == nil {
		return nil, false, open
	}
	return b.Attr("value"), true, open
}

// namedBlock finds the block whose nameAttr equals name, trimmed and
// case-insensitively. AWS rejects a group that sets a name twice; the last
// block is as good as any. open is true when a block not known (unknown
// blocks, or a name that is not known) might be the one.
func namedBlock(blocks []*graph.Block, unknownBlocks bool, nameAttr, name string) (found *graph.Block, open bool) {
	open = unknownBlocks
	for _, b := range blocks {
		if b.Unknown {
			continue
		}
		n, ok := b.Attr(nameAttr).String()
		if !ok {
			open = true
			continue
		}
		if strings.EqualFold(strings.TrimSpace(n), name) {
			found = b
		}
	}
	return found, open
}

// trailingVersionRe takes the version off a parameter group family or a
// default group name: "postgres15", "aurora-mysql8.0", "sqlserver-ee-15.0".
var trailingVersionRe = regexp.MustCompile(`(\d+(?:\.\d+)*)$`)

// familyVersion returns the engine version a family ("mariadb11.8") or a
// default group name ("default.postgres14") stands for.
func familyVersion(family string) (string, bool) {
	family = strings.TrimSpace(family)
	family = strings.TrimPrefix(strings.TrimPrefix(family, "default."), "default:")
	m := trailingVersionRe.FindString(family)
	return m, m != ""
}

// versionAtLeast compares a dotted engine version ("15.4", "11.8.2", "15")
// with want. A version that stops before the deciding part ("11" against
// 11.8) is Unknown: RDS takes the newest minor version of such a prefix. A
// version that is not numeric is Unknown too.
func versionAtLeast(v string, want ...int) graph.Tri {
	v = strings.TrimSpace(v)
	if v == "" {
		return graph.Unknown
	}
	parts := strings.Split(v, ".")
	for i, w := range want {
		if i >= len(parts) {
			for _, rest := range want[i:] {
				if rest != 0 {
					return graph.Unknown
				}
			}
			return graph.True
		}
		n, err := strconv.Atoi(parts[i])
		if err != nil {
			return graph.Unknown
		}
		if n != w {
			return graph.TriOf(n > w)
		}
	}
	return graph.True
}
