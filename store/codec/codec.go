// Package codec is the single place that knows how the records of a
// tenant file are serialised: every bucket value goes through Encode and
// Decode, and the JSON form of exports through ToJSON and FromJSON. It
// imports nothing of exosim; the engine (package store) uses it for every
// kind of record, whatever Go type the kind has.
//
// Records are stored as CBOR (RFC 8949) built from the records' struct
// tags: the same field names and omitempty rules as the JSON form (or the
// numbered cbor keys a type gives its fields), in a compact binary form
// that decodes several times faster than JSON. Encoding is deterministic
// (core deterministic sorting of map keys and struct fields), so
// identical state gives identical bytes. Times are RFC 3339 text with
// nanoseconds, exactly the JSON form, so a time decodes to the same
// instant and location (UTC for "Z") as before.
//
// Two other stored forms still decode: records written by the first two
// schema versions are JSON objects (a CBOR record never starts with '{':
// a top-level record is a CBOR map, major type 5), which the migrations
// up to the CBOR one and that migration itself rely on; and a type with
// a BinaryRecord form of its own is stored as a marker byte followed by
// that form.
package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"

	"github.com/fxamacker/cbor/v2"

	"github.com/exosim/exosim/shell/lazy"
)

var (
	cborEnc = lazy.Value[cbor.EncMode]{Build: func() cbor.EncMode {
		return newEncMode()
	}}
	cborDec = lazy.Value[cbor.DecMode]{Build: func() cbor.DecMode {
		return newDecMode()
	}}
)

// EncMode is the deterministic CBOR encoding of records.
func EncMode() cbor.EncMode { return cborEnc.Get() }

// DecMode is the CBOR decoding of records.
func DecMode() cbor.DecMode { return cborDec.Get() }

// newEncMode returns the deterministic CBOR encoding of records.
func newEncMode() cbor.EncMode {
	em, err := cbor.EncOptions{
		Sort:          cbor.SortCoreDeterministic,
		Time:          cbor.TimeRFC3339Nano,
		ShortestFloat: cbor.ShortestFloatNone,
		NaNConvert:    cbor.NaNConvertNone,
		InfConvert:    cbor.InfConvertNone,
		OmitEmpty:     cbor.OmitEmptyGoValue,
		NilContainers: cbor.NilContainerAsNull,
		String:        cbor.StringToTextString,
		FieldName:     cbor.FieldNameToTextString,
	}.EncMode()
	if err != nil {
		panic(err)
	}
	return em
}

// newDecMode returns the CBOR decoding of records.
func newDecMode() cbor.DecMode {
	dm, err := cbor.DecOptions{
		DupMapKey:         cbor.DupMapKeyQuiet,
		MaxNestedLevels:   256,
		MaxArrayElements:  math.MaxInt32,
		MaxMapPairs:       math.MaxInt32,
		IndefLength:       cbor.IndefLengthAllowed,
		TagsMd:            cbor.TagsAllowed,
		IntDec:            cbor.IntDecConvertNone,
		DefaultMapType:    nil,
		UTF8:              cbor.UTF8DecodeInvalid,
		FieldNameMatching: cbor.FieldNameMatchingPreferCaseSensitive,
		ExtraReturnErrors: cbor.ExtraDecErrorNone,
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return dm
}

// IsJSON reports whether raw is a record written as JSON (schema 1
// and 2).
func IsJSON(raw []byte) bool {
	return len(raw) > 0 && raw[0] == '{'
}

// BinaryRecord is a record type with a compact binary form of its own,
// for kinds whose CBOR form repeats what every record holds (the
// field names and the default values of a hundred thousand records).
// Such a record is stored as binaryMarker followed by what MarshalRecord
// returns; every other record type, and records written before the type
// had its form, stay CBOR (or JSON), which still decode. Export and
// import do not see the difference: they go through the Go value.
type BinaryRecord interface {
	// MarshalRecord returns the record's binary form (without the marker).
	MarshalRecord() ([]byte, error)
	// UnmarshalRecord sets the record, which is zero, from its binary
	// form; a form it cannot read is an error, never a panic.
	UnmarshalRecord(b []byte) error
}

// binaryMarker starts a record in its type's own binary form. A CBOR
// record is a map (major type 5) and a JSON record starts with '{', so
// neither starts with it.
const binaryMarker = 0x01

// IsBinary reports whether raw is a record in its type's own form.
func IsBinary(raw []byte) bool { return len(raw) > 0 && raw[0] == binaryMarker }

// DerivingRecord is a record type whose stored form leaves out values
// that follow from its other fields (a mailbox's sign-in names that repeat
// its UserPrincipalName, say): a hundred thousand records each repeating
// them cost more of the file than anything else in them.
type DerivingRecord interface {
	// StoredForm returns the value to encode in place of the record: a
	// copy without the values it can derive, noting which it left out.
	StoredForm() any
	// RestoreForm puts back, after decoding, what StoredForm left out.
	RestoreForm()
}

// Encode serialises a record for storage.
func Encode(v any) ([]byte, error) {
	if d, ok := v.(DerivingRecord); ok {
		return cborEnc.Get().Marshal(d.StoredForm())
	}
	if r, ok := v.(BinaryRecord); ok {
		body, err := r.MarshalRecord()
		if err != nil {
			return nil, err
		}
		return append([]byte{binaryMarker}, body...), nil
	}
	return cborEnc.Get().Marshal(v)
}

// Decode deserialises a stored record into v.
func Decode(b []byte, v any) error {
	if err := DecodeStored(b, v); err != nil {
		return err
	}
	RestoreStored(b, v)
	return nil
}

// RestoreStored restores what the stored form b of a DerivingRecord left
// out of v (a record in JSON or in its own binary form leaves out
// nothing).
func RestoreStored(b []byte, v any) {
	if d, ok := v.(DerivingRecord); ok && !IsJSON(b) && !IsBinary(b) {
		d.RestoreForm()
	}
}

// DecodeStored deserialises a stored record into v as it is stored: the
// values a DerivingRecord left out stay out.
func DecodeStored(b []byte, v any) error {
	switch {
	case IsJSON(b):
		return json.Unmarshal(b, v)
	case IsBinary(b):
		r, ok := v.(BinaryRecord)
		if !ok {
			return fmt.Errorf("a record in a binary form cannot be read into %T", v)
		}
		return r.UnmarshalRecord(b[1:])
	}
	return cborDec.Get().Unmarshal(b, v)
}

// ToJSON converts a stored record to its JSON export form: it decodes the
// record into v (a new value of the record's Go type) and marshals that,
// so the JSON form is exactly json.Marshal of the record. A record stored
// as JSON is only compacted.
func ToJSON(raw []byte, v any) (json.RawMessage, error) {
	if IsJSON(raw) {
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			return nil, err
		}
		return json.RawMessage(buf.Bytes()), nil
	}
	if err := Decode(raw, v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// FromJSON converts the JSON export form j of a record to its stored
// form, through v (a new value of the record's Go type).
func FromJSON(j json.RawMessage, v any) ([]byte, error) {
	if err := json.Unmarshal(j, v); err != nil {
		return nil, err
	}
	return Encode(v)
}

// Transcode re-encodes a record stored as JSON in the stored form,
// through v (a new value of the record's Go type); a record already in
// that form is returned as it is.
func Transcode(raw []byte, v any) ([]byte, error) {
	if !IsJSON(raw) {
		return raw, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, fmt.Errorf("decode JSON record: %w", err)
	}
	return Encode(v)
}

// RawValue is an opaque, already-encoded property value kept in the Extra
// bags of records (properties the engine stores but does not interpret).
type RawValue = json.RawMessage

// EncodeExtra encodes v for an Extra bag.
func EncodeExtra(v any) (RawValue, error) {
	b, err := json.Marshal(v)
	return RawValue(b), err
}

// DecodeExtra decodes an Extra bag value into v.
func DecodeExtra(r RawValue, v any) error { return json.Unmarshal(r, v) }

// IsTextKeyedMap reports whether raw is a CBOR map whose first key is a
// text string: a record written before its type had numbered cbor keys.
func IsTextKeyedMap(raw []byte) bool {
	if len(raw) == 0 || raw[0]>>5 != 5 {
		return false
	}
	off := 1
	switch raw[0] & 0x1f {
	case 24:
		off = 2
	case 25:
		off = 3
	case 26:
		off = 5
	case 27:
		off = 9
	}
	return off < len(raw) && raw[off]>>5 == 3
}

// textKeyedTypes caches, per record type, the same struct without its
// cbor tags (see DecodeTextKeyed).
var textKeyedTypes sync.Map // reflect.Type -> reflect.Type

// DecodeTextKeyed decodes a record written with the json field names as
// CBOR keys (schema 3) into v, a pointer to a record type that now has
// numbered cbor keys: it decodes into a copy of the type whose fields keep
// only their json tags, then converts.
func DecodeTextKeyed(raw []byte, v any) error {
	rv := reflect.ValueOf(v).Elem()
	t := rv.Type()
	lt, ok := textKeyedTypes.Load(t)
	if !ok {
		fields := make([]reflect.StructField, t.NumField())
		for i := range fields {
			f := t.Field(i)
			tag := ""
			if j, ok := f.Tag.Lookup("json"); ok {
				tag = `json:"` + j + `"`
			}
			f.Tag = reflect.StructTag(strings.TrimSpace(tag))
			fields[i] = f
		}
		lt, _ = textKeyedTypes.LoadOrStore(t, reflect.StructOf(fields))
	}
	tmp := reflect.New(lt.(reflect.Type))
	if err := cborDec.Get().Unmarshal(raw, tmp.Interface()); err != nil {
		return err
	}
	rv.Set(tmp.Elem().Convert(t))
	return nil
}
