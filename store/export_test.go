package store

// Names of the package's internals its external tests use.

const BucketIndex = bucketIndex
const BucketMeta = bucketMeta

var CborDec = cborDec
var CborEnc = cborEnc

var DecodeValue = decodeValue
var EncodeValue = encodeValue

type ExportDoc = exportDoc

var IdxKey = idxKey
var IsJSONRecord = isJSONRecord
var IsTextKeyedMap = isTextKeyedMap

const MetaSchemaVersion = metaSchemaVersion

type Migration = migration

const MinSchemaVersion = minSchemaVersion

var TxDeleteRecord = (*Tx).deleteRecord
var TxLoadDoc = (*Tx).loadDoc
var TxMetaPut = (*Tx).metaPut
var TxPutRecord = (*Tx).putRecord
var TypeExtraMap = typeExtraMap
var TypeStrMap = typeStrMap
var TypeStrings = typeStrings
var TypeTime = typeTime
var TypeTimePtr = typeTimePtr

var AppendRecordKey = appendRecordKey
var RecordKey = recordKey
