package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/tflint-hipaa/tflint-hipaa/pkg/policies"
)

// listRules prints every selected rule: id, severity, title, citation.
func listRules(w io.Writer, rules []*policies.Rule, outs []output) int {
	if len(outs) == 1 && outs[0].format == "json" && outs[0].file == "" {
		type ruleJSON struct {
			ID        string   `json:"id"`
			Severity  string   `json:"severity"`
			Title     string   `json:"title"`
			Section   string   `json:"section"`
			Citations []string `json:"citations"`
			Resources []string `json:"resources"`
		}
		list := make([]ruleJSON, 0, len(rules))
		for _, r := range rules {
			list = append(list, ruleJSON{r.ID, r.Severity.String(), r.Title, r.Section, r.Citations, r.Resources})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return exitError
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tTITLE\tCITATION")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Title, strings.Join(r.Citations, "; "))
	}
	tw.Flush()
	return exitOK
}
