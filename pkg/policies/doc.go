package policies

import (
	"fmt"
	"sort"
	"strings"
)

// Doc renders a rule's documentation as markdown from its metadata: what
// `--explain ID` prints and docs/rules/<id>.md holds (a test keeps them in step).
func Doc(r *Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	fmt.Fprintf(&b, "**%s**\n\n", r.Title)
	fmt.Fprintf(&b, "| | |\n| --- | --- |\n")
	fmt.Fprintf(&b, "| Severity | %s |\n", r.Severity)
	fmt.Fprintf(&b, "| Whitepaper section | %s |\n", r.Section)
	fmt.Fprintf(&b, "| HIPAA Security Rule | %s |\n", strings.Join(r.Citations, "; "))
	fmt.Fprintf(&b, "| Resources | %s |\n", "`"+strings.Join(r.Resources, "`, `")+"`")
	profiles := "whitepaper, current"
	if r.Profiles != nil {
		profiles = strings.Join(r.Profiles, ", ")
	}
	fmt.Fprintf(&b, "| Profiles | %s |\n\n", profiles)
	fmt.Fprintf(&b, "## Why\n\n%s\n\n", strings.TrimSpace(r.Description))
	if len(r.Notes) > 0 {
		b.WriteString("## Provider versions and profiles\n\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "- %s\n", strings.TrimSpace(n))
		}
		b.WriteString("\n")
	}
	if len(r.Options) > 0 {
		b.WriteString("## Options\n\n")
		for _, name := range sortedKeys(r.Options) {
			fmt.Fprintf(&b, "- `%s` (default %d), set in `.tflint-hipaa.hcl`: `rule %q { %s = %d }`\n", name, r.Options[name], r.ID, name, r.Options[name])
		}
		b.WriteString("\n")
	}
	if r.Bad != "" {
		fmt.Fprintf(&b, "## Bad\n\n```hcl\n%s\n```\n\n", strings.TrimSpace(r.Bad))
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "## Good\n\n```hcl\n%s\n```\n\n", strings.TrimSpace(r.Good))
	}
	fmt.Fprintf(&b, "## Fix\n\n%s\n\n", strings.TrimSpace(r.Remediation))
	fmt.Fprintf(&b, "## Suppress\n\n```hcl\n# tflint-hipaa:ignore:%s <reason>\n```\n", r.ID)
	return b.String()
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
