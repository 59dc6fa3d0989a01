package store

import (
	"reflect"
	"time"

	"github.com/exosim/exosim/store/codec"
	"github.com/exosim/exosim/store/exportdoc"
)

// Names of the package's internals its external tests use.

const BucketIndex = bucketIndex
const BucketMeta = bucketMeta

var CborDec = codec.DecMode()
var CborEnc = codec.EncMode()

var DecodeValue = codec.Decode
var EncodeValue = codec.Encode

type ExportDoc = exportdoc.Doc

var IdxKey = idxKey
var IsJSONRecord = codec.IsJSON
var IsTextKeyedMap = codec.IsTextKeyedMap

const MetaSchemaVersion = metaSchemaVersion

type Migration = migration

const MinSchemaVersion = minSchemaVersion

var TxDeleteRecord = (*Tx).deleteRecord
var TxLoadDoc = (*Tx).loadDoc
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
