// Package nesting guards hcl's recursive-descent parsers: on input nested
// deep enough their recursion exhausts the goroutine stack, which is a fatal
// error in Go, not a panic that can be recovered. Every place that hands
// bytes to hclsyntax checks them here first.
package nesting

// Max is the deepest bracket nesting handed to the parser. Real
// configurations nest a few dozen levels.
const Max = 2000

// Depth is a cheap upper bound of the bracket nesting of src: it ignores
// quoting and comments, which can only make it larger than the real depth.
func Depth(src []byte) int {
	depth, deepest := 0, 0
	for _, c := range src {
		switch c {
		case '(', '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return deepest
}

// TooDeep answers whether src may nest deeper than Max.
func TooDeep(src []byte) bool { return Depth(src) > Max }
