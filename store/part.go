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
	// fields (with Partial set); without it, dec is made by reflection at
	// the first read.
	Fast *fastdecode.Decoder
	once sync.Once
	dec  *fastdecode.Decoder
}

// Get decodes the fields P has of the record bucket[key] into a new P; ok
// is false when there is no such record.
func (p *Part[P]) Get(tx *Tx, bucket, key string) (v *P, ok bool, err error) {
	raw := tx.getRaw(bucket, key)
	if raw == nil {
		return nil, false, nil
	}
	v = new(P)
	if err := p.decode(raw, "", v); err != nil {
		return nil, false, fmt.Errorf("decode %s %q: %w", bucket, key, err)
	}
	return v, true, nil
}

// View is Get into v (which must be zero) for a reader that compares the
// fields within the transaction and keeps none of them: v's strings may
// be parts of the stored record itself, not copies, valid only until the
// transaction writes or ends.
func (p *Part[P]) View(tx *Tx, bucket, key string, v *P) (ok bool, err error) {
	raw := tx.getRaw(bucket, key)
	if raw == nil {
		return false, nil
	}
	if err := p.decode(raw, unsafe.String(unsafe.SliceData(raw), len(raw)), v); err != nil {
		return false, fmt.Errorf("decode %s %q: %w", bucket, key, err)
	}
	return true, nil
}

// DecodeString decodes the fields P has of a stored record held in the
// string raw into v, which must be zero: v's strings are parts of raw, so
// several records copied out of their transaction into one string cost
// one allocation, not one each.
func (p *Part[P]) DecodeString(raw string, v *P) error {
	if raw == "" {
		return p.decode(nil, "", v)
	}
	return p.decode(unsafe.Slice(unsafe.StringData(raw), len(raw)), raw, v)
}

// decode decodes raw into v (zero) on the fast path, falling back to the
// general decoder; s, when not empty, is raw held in a string that the
// fast path cuts v's strings from (else from a copy of raw).
func (p *Part[P]) decode(raw []byte, s string, v *P) error {
	if !codec.IsJSON(raw) && !codec.IsBinary(raw) {
		dec := p.Fast
		if dec == nil {
			p.once.Do(func() { p.dec = fastdecode.NewPartial(reflect.TypeFor[P]()) })
			dec = p.dec
		}
		// the few fields read are copied each on its own, not the
		// record whole
		var ok bool
		if s != "" {
			ok = dec.DecodeString(s, unsafe.Pointer(v))
		} else {
			ok = dec.DecodeEach(raw, unsafe.Pointer(v))
		}
		if ok {
			return nil
		}
		*v = *new(P)
	}
	return codec.Decode(raw, v)
}

// getRaw returns the stored record bucket[key], nil when there is none
// (or no such bucket); it is valid only until the transaction writes or
// ends.
func (tx *Tx) getRaw(bucket, key string) []byte {
	b := tx.btx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	return b.Get([]byte(key))
}
