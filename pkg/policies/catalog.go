package policies

import (
	"fmt"
	"sort"
	"strings"
)

// citationNames are the Security Rule sections the catalog groups rules by.
var citationNames = map[string]string{
	CiteEncryption:   "encryption and decryption",
	CiteTransmission: "transmission security",
	CiteAudit:        "audit controls",
	CiteBackup:       "data backup plan",
	CiteRecovery:     "disaster recovery plan",
	CiteIntegrity:    "integrity",
	CiteAccess:       "access control",
}

// RulesTable is the README's table of rules, generated from the metadata.
func RulesTable(rules []*Rule) string {
	var b strings.Builder
	b.WriteString("| id | severity | title | HIPAA Security Rule | profiles |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range rules {
		profiles := "all"
		if r.Profiles != nil {
			profiles = strings.Join(r.Profiles, ", ")
		}
		fmt.Fprintf(&b, "| [`%s`](docs/rules/%s.md) | %s | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.Title, strings.Join(r.Citations, "; "), profiles)
	}
	return b.String()
}

// SectionsTable maps whitepaper sections to the rules that enforce them.
func SectionsTable(rules []*Rule) string {
	return groupTable("whitepaper section", rules, func(r *Rule) []string { return []string{r.Section} }, nil)
}

// CitationsTable maps 45 CFR 164 sections to the rules that enforce them.
func CitationsTable(rules []*Rule) string {
	return groupTable("HIPAA Security Rule", rules, func(r *Rule) []string { return r.Citations }, citationNames)
}

func groupTable(head string, rules []*Rule, keys func(*Rule) []string, names map[string]string) string {
	groups := map[string][]string{}
	for _, r := range rules {
		for _, k := range keys(r) {
			groups[k] = append(groups[k], "`"+r.ID+"`")
		}
	}
	order := make([]string, 0, len(groups))
	for k := range groups {
		order = append(order, k)
	}
	sort.Strings(order)
	var b strings.Builder
	fmt.Fprintf(&b, "| %s | rules |\n| --- | --- |\n", head)
	for _, k := range order {
		label := k
		if n, ok := names[k]; ok {
			label = k + " (" + n + ")"
		}
		fmt.Fprintf(&b, "| %s | %s |\n", label, strings.Join(groups[k], ", "))
	}
	return b.String()
}
