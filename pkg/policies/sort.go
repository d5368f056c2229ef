package policies

import "sort"

// SortFindings orders findings by file, line, column, rule, address, path, so
// output is byte-identical whatever the load order.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Range.Filename != b.Range.Filename {
			return a.Range.Filename < b.Range.Filename
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.Range.Start.Column != b.Range.Start.Column {
			return a.Range.Start.Column < b.Range.Start.Column
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		if a.Root != b.Root {
			return a.Root < b.Root
		}
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		return a.Path < b.Path
	})
}
