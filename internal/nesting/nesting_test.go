package nesting

import (
	"strings"
	"testing"
)

func TestDepth(t *testing.T) {
	for src, want := range map[string]int{
		"":                         0,
		`a = 1`:                    0,
		`a = [1, {b = (2)}]`:       3,
		`x { y { z = [] } }`:       3,
		`]]]] a = [1]`:             1, // stray closers do not go below zero
		`s = "((("`:                3, // quoting is not read: an upper bound
		strings.Repeat("[", Max+1): Max + 1,
	} {
		if got := Depth([]byte(src)); got != want {
			t.Errorf("Depth(%.30q) = %d, want %d", src, got, want)
		}
	}
	if TooDeep([]byte(strings.Repeat("{", Max))) || !TooDeep([]byte(strings.Repeat("(", Max+1))) {
		t.Error("TooDeep does not cut at Max")
	}
}
