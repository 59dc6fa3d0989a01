package fsys_test

import (
	"testing"

	"github.com/exosim/exosim/shell/fsys"
)

func TestDecodeText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"plain UTF-8", []byte("'a'"), "'a'"},
		{"UTF-8 BOM", []byte{0xEF, 0xBB, 0xBF, 'x'}, "x"},
		{"UTF-16 LE", []byte{0xFF, 0xFE, 'h', 0, 'i', 0}, "hi"},
		{"UTF-16 BE", []byte{0xFE, 0xFF, 0, 'h', 0, 'i'}, "hi"},
		{"UTF-16 LE surrogate pair", []byte{0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE}, "\U0001F600"},
		{"UTF-32 LE", []byte{0xFF, 0xFE, 0, 0, 'o', 0, 0, 0}, "o"},
		{"UTF-32 BE", []byte{0, 0, 0xFE, 0xFF, 0, 0, 0, 'o'}, "o"},
		{"odd UTF-16 byte", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "a\uFFFD"},
		{"invalid UTF-8", []byte{'a', 0xFF, 'b'}, "a\uFFFDb"},
	}
	for _, c := range cases {
		if got := fsys.DecodeText(c.in); got != c.want {
			t.Errorf("%s: got %q want %q", c.name, got, c.want)
		}
	}
}
