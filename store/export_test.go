package store

// Names of the package's internals its external tests use.
var AddItemsToday = addItemsToday

const BucketIndex = bucketIndex
const BucketMailboxes = bucketMailboxes
const BucketMeta = bucketMeta
const BucketUsers = bucketUsers
const BuildInfix = buildInfix

var CborDec = cborDec
var CborEnc = cborEnc

const CohortDay = cohortDay

var DecodeContentFast = Contents.fastDecode
var DecodeMailboxFast = Mailboxes.fastDecode
var DecodeValue = decodeValue
var EncodeValue = encodeValue

type ExportDoc = exportDoc

var IdxKey = idxKey
var IsJSONRecord = isJSONRecord
var IsTextKeyedMap = isTextKeyedMap

const LockSuffix = lockSuffix
const MetaSchemaVersion = metaSchemaVersion

var MigrateExplicitCohorts = migrateExplicitCohorts

type Migration = migration

const MinSchemaVersion = minSchemaVersion

var ParseDayFast = parseDayFast
var TxDeleteRecord = (*Tx).deleteRecord
var TxLoadDoc = (*Tx).loadDoc
var TxMetaPut = (*Tx).metaPut
var TxPutRecord = (*Tx).putRecord
var TypeExtraMap = typeExtraMap
var TypeStrMap = typeStrMap
var TypeStrings = typeStrings
var TypeTime = typeTime
var TypeTimePtr = typeTimePtr
