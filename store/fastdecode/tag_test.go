package fastdecode

import (
	"reflect"
	"testing"
)

// TestTagLookup compares tagLookup with reflect's StructTag.Lookup on
// plain, escaped and malformed tags.
func TestTagLookup(t *testing.T) {
	tags := []reflect.StructTag{
		`json:"name"`,
		`json:"name" cbor:"1,keyasint,omitempty"`,
		`cbor:"75,keyasint,omitempty" json:"-"`,
		`  json:"a"   cbor:"2,keyasint"`,
		`json:"a\"b" cbor:"3,keyasint"`,
		`json:"caf` + "\u00e9" + `" cbor:"4,keyasint"`,
		`json:name cbor:"5,keyasint"`,
		`json:"unterminated`,
		`:"x" cbor:"6"`,
		`json:"" cbor:""`,
		`cbor:"7" cbor:"8"`,
		"json:\"line\nbreak\"",
		`json x:"a" cbor:"9"`,
		`js"on:"a"`,
		`json:"a",cbor:"b"`,
		"json\x7f:\"a\"",
		`json:"a\\" cbor:"10"`,
		``,
	}
	for _, tag := range tags {
		for _, key := range []string{"json", "cbor", "xml"} {
			gv, gok := tagLookup(tag, key)
			wv, wok := tag.Lookup(key)
			if gv != wv || gok != wok {
				t.Errorf("tagLookup(%q, %q) = %q, %v; want %q, %v", tag, key, gv, gok, wv, wok)
			}
		}
	}
}
