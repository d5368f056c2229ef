package policies

import (
	"strings"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/graph"
)

// RDSTransportEncryption checks that every RDS and Aurora database refuses
// plain-text connections, the way its engine does it.
var RDSTransportEncryption = &Rule{
	ID:    "aws-rds-transport-encryption",
	Title: "RDS and Aurora databases refuse unencrypted connections",
	Description: `The whitepaper says connections to RDS for MySQL, Oracle and PostgreSQL and to Aurora ` +
		`"containing PHI must use transport encryption". RDS offers TLS on every engine, but by default ` +
		`most engines still accept plain-text clients, so PHI crosses the network unencrypted whenever a ` +
		`client forgets to ask for TLS. Only the server can make encryption mandatory: the ` +
		`require_secure_transport parameter (MySQL, MariaDB, Aurora MySQL), rds.force_ssl (PostgreSQL, ` +
		`Aurora PostgreSQL, SQL Server), or Oracle native network encryption set to REQUIRED in the ` +
		`option group.`,
	Severity:  Critical,
	Section:   "Amazon RDS for MySQL / Oracle / PostgreSQL",
	Citations: []string{CiteTransmission},
	Service:   "rds",
	Resources: []string{"aws_db_instance", "aws_rds_cluster"},
	Remediation: "Give the database a parameter group (or, for Oracle, an option group) that makes encryption mandatory.\n\n" +
		"MySQL and MariaDB (`aws_db_parameter_group`), Aurora MySQL (`aws_rds_cluster_parameter_group`):\n\n" +
		"```hcl\nresource \"aws_db_parameter_group\" \"tls\" {\n  name   = \"mysql8-tls\"\n  family = \"mysql8.0\"\n\n  parameter {\n    name  = \"require_secure_transport\"\n    value = \"1\"\n  }\n}\n\nresource \"aws_db_instance\" \"main\" {\n  parameter_group_name = aws_db_parameter_group.tls.name\n}\n```\n\n" +
		"PostgreSQL, Aurora PostgreSQL and SQL Server: the same with `name = \"rds.force_ssl\"` and `value = \"1\"` " +
		"(Aurora: in the cluster parameter group named by `db_cluster_parameter_group_name`).\n\n" +
		"Oracle (`option_group_name`):\n\n" +
		"```hcl\nresource \"aws_db_option_group\" \"nne\" {\n  name                 = \"oracle-nne\"\n  engine_name          = \"oracle-ee\"\n  major_engine_version = \"19\"\n\n  option {\n    option_name = \"NATIVE_NETWORK_ENCRYPTION\"\n\n    option_settings {\n      name  = \"SQLNET.ENCRYPTION_SERVER\"\n      value = \"REQUIRED\"\n    }\n  }\n}\n```",
	Bad: `resource "aws_db_instance" "main" {
  engine         = "mysql"
  instance_class = "db.m6g.large"
  # no parameter_group_name: the default group leaves require_secure_transport OFF
}`,
	Good: `resource "aws_db_parameter_group" "tls" {
  name   = "mysql8-tls"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_db_instance" "main" {
  engine               = "mysql"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.tls.name
}`,
	Notes: []string{
		"The group is followed from `parameter_group_name`, `db_cluster_parameter_group_name` or `option_group_name` by reference or by literal name (case-insensitive, as RDS stores names in lower case). An omitted name or an AWS default group (`default.*`, `default:*`) means the engine default; a name no resource of the configuration has is undetermined.",
		"Engine defaults: MySQL and Aurora MySQL `require_secure_transport` OFF; MariaDB OFF before 11.8 and ON from 11.8 (an omitted `engine_version` is undetermined); RDS for PostgreSQL `rds.force_ssl` 0 before 15 and 1 from 15 (an omitted `engine_version` gets the current default version, 15 or later); Aurora PostgreSQL and SQL Server `rds.force_ssl` 0. A group that does not set the parameter inherits the default of its `family`.",
		"Oracle: the option group needs `NATIVE_NETWORK_ENCRYPTION` with `SQLNET.ENCRYPTION_SERVER = REQUIRED` (values compared case-insensitively); the default `REQUESTED` still admits plain text. An option group with only the `SSL` option opens a TLS port while the plain-text listener stays, so it is undetermined rather than a pass.",
		"Aurora instances (`aws_db_instance` or `aws_rds_cluster_instance` with an `aurora*` engine) are governed by their cluster's parameter group and are checked on the `aws_rds_cluster`. A cluster with no `engine` is `aurora` (the default before provider v5; v5 made `engine` required). Read replicas without `engine` take their source's engine. RDS Custom and Db2 engines are not checked.",
		"A same-region read replica that names no group gets its source's (RDS CreateDBInstanceReadReplica), so it is checked on the source; with the source outside the configuration it is undetermined. A cross-region replica (source named by ARN) gets the default group.",
		"Same in both profiles.",
	},
	Check: checkRDSTransportEncryption,
}

// transportSetting is how one engine family is made to refuse plain text.
type transportSetting struct {
	param       string
	defaultText string
	// defaultOn answers whether the parameter's default forces TLS at an engine version.
	defaultOn func(v engineVersion) graph.Tri
}

// engineVersion is what is known of a database's engine version.
type engineVersion struct {
	value   string
	given   bool // engine_version (or a group family) states it
	unknown bool // stated, but not known statically
}

func alwaysOff(engineVersion) graph.Tri { return graph.False }

var (
	requireSecureTransport = transportSetting{param: "require_secure_transport", defaultText: "OFF", defaultOn: alwaysOff}
	forceSSLOff            = transportSetting{param: "rds.force_ssl", defaultText: "0", defaultOn: alwaysOff}
)

// transportFor returns the setting for an engine kind (see engineKind).
func transportFor(kind string) transportSetting {
	switch kind {
	case "mariadb":
		return transportSetting{param: "require_secure_transport", defaultText: "OFF before MariaDB 11.8", defaultOn: func(v engineVersion) graph.Tri {
			// RDS's default MariaDB version has moved across 11.8, so an
			// omitted version does not tell.
			if v.unknown || !v.given {
				return graph.Unknown
			}
			return versionAtLeast(v.value, 11, 8)
		}}
	case "postgres":
		return transportSetting{param: "rds.force_ssl", defaultText: "0 before PostgreSQL 15", defaultOn: func(v engineVersion) graph.Tri {
			if v.unknown {
				return graph.Unknown
			}
			if !v.given {
				// RDS creates the current default version, 15 or later since 2023.
				return graph.True
			}
			return versionAtLeast(v.value, 15)
		}}
	case "mysql", "aurora-mysql":
		return requireSecureTransport
	}
	// sqlserver, aurora-postgresql
	return forceSSLOff
}

// engineKind groups engine names by how transport encryption is enforced;
// "" for engines the rule does not check.
func engineKind(engine string) string {
	e := strings.ToLower(strings.TrimSpace(engine))
	switch {
	case e == "mysql", e == "mariadb", e == "postgres", e == "aurora-postgresql":
		return e
	case e == "aurora", e == "aurora-mysql":
		return "aurora-mysql"
	case strings.HasPrefix(e, "sqlserver-"):
		return "sqlserver"
	case strings.HasPrefix(e, "oracle-"):
		return "oracle"
	}
	return ""
}

// engineInfo is what is known of a database's engine.
type engineInfo struct {
	name    string
	known   bool
	version engineVersion
	// at and why explain an unknown engine.
	at  graph.Node
	why string
}

// rdsEngineOf reads a database's engine, following a replica to its source.
func rdsEngineOf(g *graph.Graph, r *graph.Resource, depth int) engineInfo {
	info := engineInfo{}
	if ev := configuredAttr(r, "engine_version"); ev != nil {
		info.version.given = true
		if s, ok := ev.String(); ok {
			info.version.value = s
		} else {
			info.version.unknown = true
		}
	}
	e := configuredAttr(r, "engine")
	if e != nil {
		s, ok := e.String()
		if !ok {
			info.at, info.why = e, "engine is not known before apply, and how connections are made to use TLS depends on it"
			return info
		}
		info.name, info.known = strings.ToLower(strings.TrimSpace(s)), true
		return info
	}
	if r.Type == "aws_rds_cluster" {
		// Before provider v5 an omitted engine was "aurora"; from v5 it is required.
		info.name, info.known = "aurora", true
		return info
	}
	if src := configuredAttr(r, "replicate_source_db"); src.IsSet() != graph.False {
		sources := replicaSources(g, src)
		if len(sources) == 0 || depth > 8 {
			info.at, info.why = src, "the replica's source is outside this configuration, so its engine is not known"
			return info
		}
		srcInfo := rdsEngineOf(g, sources[0], depth+1)
		if !srcInfo.known {
			info.at, info.why = src, "the engine of the replica's source "+sources[0].Address+" is not known"
			return info
		}
		if !info.version.given {
			info.version = srcInfo.version
		}
		info.name, info.known = srcInfo.name, true
		return info
	}
	if snap := configuredAttr(r, "snapshot_identifier"); snap.IsSet() != graph.False {
		info.at, info.why = snap, "the engine comes from the snapshot, which is not known statically"
		return info
	}
	info.why = "engine is not set, so how connections are made to use TLS is not known"
	return info
}

func checkRDSTransportEncryption(p *Pass, r *graph.Resource) {
	eng := rdsEngineOf(p.Graph, r, 0)
	if !eng.known {
		p.Undetermined(r, eng.at, "%s", eng.why)
		return
	}
	kind := engineKind(eng.name)
	switch {
	case kind == "":
		return
	case kind == "oracle":
		if configuredAttr(r, "option_group_name") == nil && replicaGroupInherited(p, r) {
			return
		}
		checkOracleNetworkEncryption(p, r)
		return
	case r.Type == "aws_db_instance" && strings.HasPrefix(kind, "aurora"):
		// An Aurora instance uses its cluster's parameter group for this.
		return
	}
	attrName, groupType := "parameter_group_name", "aws_db_parameter_group"
	if r.Type == "aws_db_instance" && configuredAttr(r, attrName) == nil && replicaGroupInherited(p, r) {
		return
	}
	if r.Type == "aws_rds_cluster" {
		attrName, groupType = "db_cluster_parameter_group_name", "aws_rds_cluster_parameter_group"
	}
	setting := transportFor(kind)
	fix := "set " + setting.param + " = \"1\" in an " + groupType + " named by " + attrName
	lk := lookupGroup(p.Graph, configuredAttr(r, attrName), groupType)
	switch lk.source {
	case groupOutside:
		p.Undetermined(r, lk.attr, "%s names a parameter group that is not in this configuration (or whose name is not known), so %s is not known", attrName, setting.param)
	case groupDefault:
		version := eng.version
		if v, ok := familyVersion(lk.name); ok && lk.name != "" {
			version = engineVersion{value: v, given: true}
		}
		switch setting.defaultOn(version) {
		case graph.True:
			return
		case graph.Unknown:
			p.Undetermined(r, lk.attr, "the default %s of %s depends on an engine version that is not known", setting.param, eng.name)
			return
		}
		if lk.attr == nil {
			p.ReportMissing(r, nil, attrName, "%s is not set, so the default parameter group applies, where %s is %s for %s; %s", attrName, setting.param, setting.defaultText, eng.name, fix)
		} else {
			p.Report(r, lk.attr, "%s is an AWS default group, where %s is %s for %s; %s", attrName, setting.param, setting.defaultText, eng.name, fix)
		}
	case groupFound:
		var unknownWhy string
		for _, grp := range lk.groups {
			answer, why := transportInGroup(grp, setting, eng)
			switch answer {
			case graph.False:
				p.Report(r, lk.attr, "%s: %s", grp.Address, why+"; "+fix)
				return
			case graph.Unknown:
				if unknownWhy == "" {
					unknownWhy = grp.Address + ": " + why
				}
			}
		}
		if unknownWhy != "" {
			p.Undetermined(r, lk.attr, "%s", unknownWhy)
		}
	}
}

// transportInGroup answers whether a parameter group forces TLS, and why not.
func transportInGroup(grp *graph.Resource, setting transportSetting, eng engineInfo) (graph.Tri, string) {
	val, found, open := groupParameter(grp, setting.param)
	if found && val != nil {
		s, ok := val.String()
		if !ok {
			return graph.Unknown, setting.param + " is not known before apply"
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "1", "on", "true":
			return graph.True, ""
		}
		return graph.False, "the parameter group sets " + setting.param + " = " + quoteEnum(s)
	}
	if found || open {
		return graph.Unknown, "the parameter group's " + setting.param + " is not known before apply"
	}
	version := eng.version
	if fam := grp.Attr("family"); fam != nil {
		s, ok := fam.String()
		if !ok {
			return graph.Unknown, "the parameter group's family is not known, and the default of " + setting.param + " depends on it"
		}
		if v, ok := familyVersion(s); ok {
			version = engineVersion{value: v, given: true}
		}
	}
	switch setting.defaultOn(version) {
	case graph.True:
		return graph.True, ""
	case graph.Unknown:
		return graph.Unknown, "the parameter group does not set " + setting.param + ", and its default depends on an engine version that is not known"
	}
	return graph.False, "the parameter group does not set " + setting.param + ", whose default is " + setting.defaultText + " for " + eng.name
}

// quoteEnum quotes a setting value for a message; settings are enum-like, but
// a long value is cut so messages stay short.
func quoteEnum(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "\"" + s + "\""
}

// checkOracleNetworkEncryption follows option_group_name to the option group
// and asks for NATIVE_NETWORK_ENCRYPTION with SQLNET.ENCRYPTION_SERVER = REQUIRED.
func checkOracleNetworkEncryption(p *Pass, r *graph.Resource) {
	const fix = "set option_group_name to an aws_db_option_group with option NATIVE_NETWORK_ENCRYPTION and SQLNET.ENCRYPTION_SERVER = \"REQUIRED\""
	lk := lookupGroup(p.Graph, configuredAttr(r, "option_group_name"), "aws_db_option_group")
	switch lk.source {
	case groupOutside:
		p.Undetermined(r, lk.attr, "option_group_name names an option group that is not in this configuration (or whose name is not known), so native network encryption is not known")
	case groupDefault:
		if lk.attr == nil {
			p.ReportMissing(r, nil, "option_group_name", "option_group_name is not set, so the default option group applies, which has no NATIVE_NETWORK_ENCRYPTION option and admits plain-text connections; %s", fix)
		} else {
			p.Report(r, lk.attr, "option_group_name is an AWS default option group, which has no NATIVE_NETWORK_ENCRYPTION option and admits plain-text connections; %s", fix)
		}
	case groupFound:
		var unknownWhy string
		for _, grp := range lk.groups {
			answer, why := oracleNNEInGroup(grp)
			switch answer {
			case graph.False:
				p.Report(r, lk.attr, "%s: %s; %s", grp.Address, why, fix)
				return
			case graph.Unknown:
				if unknownWhy == "" {
					unknownWhy = grp.Address + ": " + why
				}
			}
		}
		if unknownWhy != "" {
			p.Undetermined(r, lk.attr, "%s", unknownWhy)
		}
	}
}

func oracleNNEInGroup(grp *graph.Resource) (graph.Tri, string) {
	nne, open := groupOption(grp, "NATIVE_NETWORK_ENCRYPTION")
	if nne == nil {
		if open {
			return graph.Unknown, "the option group's options are not known before apply"
		}
		if ssl, _ := groupOption(grp, "SSL"); ssl != nil {
			return graph.Unknown, "the option group has the SSL option but not NATIVE_NETWORK_ENCRYPTION; SSL opens a TLS port while the plain-text listener still accepts clients"
		}
		return graph.False, "the option group has no NATIVE_NETWORK_ENCRYPTION option, so connections may be plain text"
	}
	val, found, open := optionSetting(nne, "SQLNET.ENCRYPTION_SERVER")
	if found && val != nil {
		s, ok := val.String()
		if !ok {
			return graph.Unknown, "SQLNET.ENCRYPTION_SERVER is not known before apply"
		}
		if strings.EqualFold(strings.TrimSpace(s), "REQUIRED") {
			return graph.True, ""
		}
		return graph.False, "NATIVE_NETWORK_ENCRYPTION sets SQLNET.ENCRYPTION_SERVER = " + quoteEnum(s) + ", which admits plain-text clients"
	}
	if found || open {
		return graph.Unknown, "SQLNET.ENCRYPTION_SERVER is not known before apply"
	}
	return graph.False, "NATIVE_NETWORK_ENCRYPTION does not set SQLNET.ENCRYPTION_SERVER, whose default REQUESTED admits plain-text clients"
}

// replicaGroupInherited handles a read replica that names no group: RDS gives
// a same-region replica its source's group, so the source is where it is
// checked (and fixed), while a cross-region replica gets the default group. It reports true when r is such a replica and has been
// dealt with.
func replicaGroupInherited(p *Pass, r *graph.Resource) bool {
	src := configuredAttr(r, "replicate_source_db")
	if src.IsSet() == graph.False {
		return false
	}
	if s, ok := src.String(); ok && len(src.Refs) == 0 && strings.Contains(s, ":db:") {
		// A source named by ARN is in another region, and a cross-region
		// replica gets the default group: check it like any instance.
		return false
	}
	if len(replicaSources(p.Graph, src)) == 0 {
		p.Undetermined(r, src, "the replica takes its source's group, and the source is outside this configuration")
	}
	return true
}
