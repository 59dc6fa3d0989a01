package store

import (
	"reflect"
	"time"

	"github.com/exosim/exosim/store/codec"
)

// Names of the package's internals its external tests use.

var CborDec = codec.DecMode()
var CborEnc = codec.EncMode()

var DecodeValue = codec.Decode
var EncodeValue = codec.Encode

var IdxKey = idxKey
var IsJSONRecord = codec.IsJSON
var IsTextKeyedMap = codec.IsTextKeyedMap

type Migration = migration

var TxDeleteRecord = (*Tx).deleteRecord
var TxMetaPut = (*Tx).metaPut
var TxPutRecord = (*Tx).putRecord

// the field types the fast decoder reads besides the basic kinds
var TypeExtraMap = reflect.TypeOf(map[string]RawValue(nil))
var TypeStrMap = reflect.TypeOf(map[string]string(nil))
var TypeStrings = reflect.TypeOf([]string(nil))
var TypeTime = reflect.TypeOf(time.Time{})
var TypeTimePtr = reflect.TypeOf((*time.Time)(nil))

var AppendRecordKey = appendRecordKey
var RecordKey = recordKey

type ReadSpan = readSpan

var SpanNote = (*readSpan).note
var SpanWiden = (*readSpan).widen

// SpanPages is how many pages r counts.
func SpanPages(r *ReadSpan) int { return r.n }

// NotedPages is how many mapped pages s counts as read since the last
// release.
func NotedPages(s *Store) int {
	s.spanMu.Lock()
	defer s.spanMu.Unlock()
	return s.readSpan.n
}
