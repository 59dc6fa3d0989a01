package recordmap

import "testing"

// BenchmarkParseText reads GUID keys in their text form.
func BenchmarkParseText(b *testing.B) {
	keys := [][]byte{[]byte("0123abcd-ef01-2345-6789-abcdef012345"), []byte("fedcba98-7654-3210-0123-456789abcdef")}
	var sink uint64
	for i := 0; i < b.N; i++ {
		k, _ := ParseText(keys[i&1])
		sink += k.Hi ^ k.Lo
	}
	_ = sink
}
