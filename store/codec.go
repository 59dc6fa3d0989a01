package store

import (
	"bytes"
	"encoding/json"
)

// This file is the single place that knows how records are serialised.
// Every bucket value goes through encodeValue/decodeValue, and export/import
// go through valueToJSON/valueFromJSON, so a faster binary codec can replace
// JSON later by changing only these four functions.

// encodeValue serialises a record for storage.
func encodeValue(v any) ([]byte, error) {
	return json.Marshal(v)
}

// decodeValue deserialises a stored record into v.
func decodeValue(b []byte, v any) error {
	return json.Unmarshal(b, v)
}

// valueToJSON converts a stored value to its JSON export form.
func valueToJSON(raw []byte) (json.RawMessage, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, err
	}
	return json.RawMessage(buf.Bytes()), nil
}

// valueFromJSON converts an exported JSON value to its stored form.
func valueFromJSON(j json.RawMessage) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, j); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RawValue is an opaque, already-encoded property value kept in the Extra
// bags of records (properties this package stores but does not interpret).
type RawValue = json.RawMessage

// EncodeExtra encodes v for an Extra bag.
func EncodeExtra(v any) (RawValue, error) {
	b, err := json.Marshal(v)
	return RawValue(b), err
}

// DecodeExtra decodes an Extra bag value into v.
func DecodeExtra(r RawValue, v any) error { return json.Unmarshal(r, v) }
