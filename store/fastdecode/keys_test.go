package fastdecode_test

import (
	"reflect"
	"testing"
	"time"
	"unsafe"

	"github.com/exosim/exosim/store/codec"
	"github.com/exosim/exosim/store/fastdecode"
)

// wide is a record of numbered keys of each kind of value the fast path
// reads.
type wide struct {
	Name    string            `cbor:"1,keyasint,omitempty"`
	On      bool              `cbor:"2,keyasint,omitempty"`
	Count   int64             `cbor:"3,keyasint,omitempty"`
	Small   int               `cbor:"5,keyasint,omitempty"`
	When    time.Time         `cbor:"6,keyasint,omitempty"`
	Until   *time.Time        `cbor:"7,keyasint,omitempty"`
	List    []string          `cbor:"9,keyasint"`
	Labels  map[string]string `cbor:"12,keyasint,omitempty"`
	Comment string            `cbor:"70,keyasint,omitempty"`
}

var wideKeys = []uint64{1, 2, 3, 5, 6, 7, 9, 12, 70}

// partOf is w with only the fields of the keys in ks.
func partOf(w wide, ks fastdecode.Keys) wide {
	var out wide
	src, dst := reflect.ValueOf(w), reflect.ValueOf(&out).Elem()
	for i, k := range wideKeys {
		if ks.Has(k) {
			dst.Field(i).Set(src.Field(i))
		}
	}
	return out
}

// Decoding some keys of a record, read through (DecodeKeys) or where
// Index noted them (DecodeIndexed), in one call or key by key, gives the
// fields of those keys as decoding the record whole does, and leaves the
// others as they were.
func TestDecodeSomeKeys(t *testing.T) {
	t.Parallel()
	dec := fastdecode.New(reflect.TypeFor[wide]())
	when := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	records := []wide{
		{},
		{Name: "annb", On: true, Count: -7, Small: 300, When: when, Until: &when, List: []string{"a", "", "ü"}, Labels: map[string]string{"k": "v"}, Comment: "long text of some length"},
		{Name: "x", List: []string{}},
	}
	for _, w := range records {
		raw, err := codec.Encode(&w)
		if err != nil {
			t.Fatal(err)
		}
		s := string(raw)
		var whole wide
		if !dec.DecodeString(s, unsafe.Pointer(&whole)) {
			t.Fatalf("%+v: Decode refused the record", w)
		}
		var at [80]uint16
		if !dec.Index(s, at[:]) {
			t.Fatalf("%+v: Index refused the record", w)
		}
		for mask := 0; mask < 1<<len(wideKeys); mask += 7 {
			var ks fastdecode.Keys
			for i, k := range wideKeys {
				if mask&(1<<i) != 0 {
					ks.Add(k)
				}
			}
			want := partOf(whole, ks)
			var got, idx wide
			if !dec.DecodeKeys(s, unsafe.Pointer(&got), &ks) {
				t.Fatalf("%+v: DecodeKeys refused the record", w)
			}
			if !dec.DecodeIndexed(s, unsafe.Pointer(&idx), at[:], &ks) {
				t.Fatalf("%+v: DecodeIndexed refused the record", w)
			}
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(idx, want) {
				t.Errorf("keys %v of %+v:\nDecodeKeys    %+v\nDecodeIndexed %+v\nwant          %+v", ks, w, got, idx, want)
			}
		}
		var byKey wide
		for _, k := range wideKeys {
			var one fastdecode.Keys
			one.Add(k)
			if !dec.DecodeIndexed(s, unsafe.Pointer(&byKey), at[:], &one) {
				t.Fatalf("%+v: DecodeIndexed refused key %d", w, k)
			}
		}
		if !reflect.DeepEqual(byKey, whole) {
			t.Errorf("key by key %+v, want %+v", byKey, whole)
		}
		if len(s) > 1 && dec.Index(s[:len(s)-1], at[:]) {
			t.Errorf("%+v: Index read a cut record", w)
		}
		if dec.Index(s, at[:60]) && w.Comment != "" {
			t.Errorf("%+v: Index noted key 70 in 60 offsets", w)
		}
	}
}

// Index reads any bytes without failing, and where it and Decode both
// read a record, every key decoded where Index noted it gives what Decode
// gives.
func FuzzIndex(f *testing.F) {
	for _, w := range []wide{{Name: "annb", On: true, Count: 3, List: []string{"a"}}, {}} {
		raw, err := codec.Encode(&w)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	dec := fastdecode.New(reflect.TypeFor[wide]())
	f.Fuzz(func(t *testing.T, raw []byte) {
		s := string(raw)
		var at [80]uint16
		indexed := dec.Index(s, at[:])
		var whole wide
		if !indexed || s == "" || !dec.DecodeString(s, unsafe.Pointer(&whole)) {
			return
		}
		all := fastdecode.Keys{^uint64(0), ^uint64(0)}
		var got wide
		if dec.DecodeIndexed(s, unsafe.Pointer(&got), at[:], &all) && !reflect.DeepEqual(got, whole) {
			t.Errorf("indexed %+v, decoded %+v", got, whole)
		}
	})
}
