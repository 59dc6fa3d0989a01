package binder

import (
	"testing"

	"github.com/exosim/exosim/shell/syntax"
)

// TestWrittenNumber checks that a number an argument wrote out reaches a
// string parameter as written.
func TestWrittenNumber(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		v    any
		want any
	}{
		{"3.0", 3.0, "3.0"},
		{"0x10", 16, "0x10"},
		{"1.50", 1.5, "1.50"},
		{"7", 7, "7"},
		{"$x", 3.0, 3.0},  // a variable's value is no written number
		{"3.0", 4.0, 4.0}, // the text is of another value
		{"abc", "abc", "abc"},
	} {
		src := syntax.NewSource("", tc.text)
		ext := syntax.Extent{Src: src, End: syntax.Pos{Offset: len(tc.text)}}
		if got := writtenNumber(tc.v, ext); got != tc.want {
			t.Errorf("writtenNumber(%v, %q) = %v (%T), want %v", tc.v, tc.text, got, got, tc.want)
		}
	}
}
