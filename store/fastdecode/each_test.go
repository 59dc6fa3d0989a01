package fastdecode_test

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/exosim/exosim/store/codec"
	"github.com/exosim/exosim/store/fastdecode"
)

// DecodeEach decodes what Decode decodes, its strings copies of their
// own: none of them shares the record's bytes, so changing the record
// afterwards changes none.
func TestDecodeEach(t *testing.T) {
	t.Parallel()
	dec := fastdecode.New(reflect.TypeFor[group]())
	for _, g := range []group{
		{},
		{Name: "Organization Management"},
		{Name: "Recipient Management", Members: []string{"annb@contoso.com", "", "Ünï"}, Roles: []string{"Mail Recipients"}},
		{Members: []string{}, Roles: nil},
	} {
		raw, err := codec.Encode(&g)
		if err != nil {
			t.Fatal(err)
		}
		var want, got group
		if !dec.Decode(raw, unsafe.Pointer(&want)) {
			t.Fatalf("%+v: Decode refused the record", g)
		}
		if !dec.DecodeEach(raw, unsafe.Pointer(&got)) {
			t.Fatalf("%+v: DecodeEach refused the record", g)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("DecodeEach = %+v, Decode %+v", got, want)
		}
		if dec.DecodeEach(raw[:len(raw)/2], unsafe.Pointer(new(group))) && len(raw) > 1 {
			t.Errorf("%+v: DecodeEach read half a record", g)
		}
		for i := range raw {
			raw[i] = 'x'
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: a string of DecodeEach shares the record's bytes: %+v", g, got)
		}
	}
}
