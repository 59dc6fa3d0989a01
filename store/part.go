package store

import (
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"github.com/exosim/exosim/store/codec"
	"github.com/exosim/exosim/store/fastdecode"
)

// Part reads some of the fields of a kind's records: P is a struct with
// some of the record type's fields, tagged as they are there. A read
// decodes those fields and skips the others, so a reader that needs a
// few fields of a wide record does not pay for the rest (nor for building
// the whole record type's decoder). The zero Part is ready to use; one
// with Fast set makes its decoder from that, not by reflection.
type Part[P any] struct {
	// Fast, when set, is P's decoder written out as a Go literal of its
	// fields (with Partial set).
	Fast *fastdecode.Decoder
	once sync.Once
	dec  *fastdecode.Decoder
}

// Get decodes the fields P has of the record bucket[key] into a new P; ok
// is false when there is no such record.
func (p *Part[P]) Get(tx *Tx, bucket, key string) (v *P, ok bool, err error) {
	b := tx.btx.Bucket([]byte(bucket))
	if b == nil {
		return nil, false, nil
	}
	raw := b.Get([]byte(key))
	if raw == nil {
		return nil, false, nil
	}
	v = new(P)
	if !codec.IsJSON(raw) && !codec.IsBinary(raw) {
		p.once.Do(func() {
			if p.dec = p.Fast; p.dec == nil {
				p.dec = fastdecode.NewPartial(reflect.TypeFor[P]())
			}
		})
		if p.dec.Decode(raw, unsafe.Pointer(v)) {
			return v, true, nil
		}
		*v = *new(P)
	}
	if err := codec.Decode(raw, v); err != nil {
		return nil, false, fmt.Errorf("decode %s %q: %w", bucket, key, err)
	}
	return v, true, nil
}
