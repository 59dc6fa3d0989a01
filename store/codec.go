package store

import (
	"encoding/json"

	"github.com/exosim/exosim/store/codec"
)

// How records are serialised is package store/codec's: every bucket value
// goes through codec.Encode and codec.Decode, and export/import through
// RecordJSON/RecordFromJSON, which give it a new value of the bucket's
// record type.

// BinaryRecord is a record type with a compact binary form of its own
// (see codec.BinaryRecord).
type BinaryRecord = codec.BinaryRecord

// DerivingRecord is a record type whose stored form leaves out values
// that follow from its other fields (see codec.DerivingRecord).
type DerivingRecord = codec.DerivingRecord

// DecodeRecord decodes a raw record value of a tenant file into v (a
// pointer to the record type, e.g. *Mailbox) with the general decoder; a
// Kind's Decode uses the kind's fast path too. It is for tools that read
// the bbolt file directly.
func DecodeRecord(raw []byte, v any) error { return codec.Decode(raw, v) }

// EncodeRecord encodes a record (e.g. *Mailbox) as a tenant file stores
// it. It is for tools that write the bbolt file directly.
func EncodeRecord(v any) ([]byte, error) { return codec.Encode(v) }

// RecordJSON converts a stored value of bucket to its JSON export form.
func (s *Schema) RecordJSON(bucket string, raw []byte) (json.RawMessage, error) {
	return codec.ToJSON(raw, s.newValue(bucket))
}

// RecordFromJSON converts an exported JSON value of bucket to its stored
// form.
func (s *Schema) RecordFromJSON(bucket string, j json.RawMessage) ([]byte, error) {
	return codec.FromJSON(j, s.newValue(bucket))
}

// transcodeRecord re-encodes a JSON record of bucket in the stored form;
// a record already in that form is returned as it is.
func (s *Schema) transcodeRecord(bucket string, raw []byte) ([]byte, error) {
	return codec.Transcode(raw, s.newValue(bucket))
}

// RawValue is an opaque, already-encoded property value kept in the Extra
// bags of records (properties the engine stores but does not interpret).
type RawValue = codec.RawValue

// EncodeExtra encodes v for an Extra bag.
func EncodeExtra(v any) (RawValue, error) { return codec.EncodeExtra(v) }

// DecodeExtra decodes an Extra bag value into v.
func DecodeExtra(r RawValue, v any) error { return codec.DecodeExtra(r, v) }
