package store

import (
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/exosim/exosim/store/codec"
	"github.com/exosim/exosim/store/fastdecode"
)

// Schema lists what a tenant file holds: its record kinds (one bucket
// each), the handlers of its timers, its checks, its migrations and the
// hooks its areas offer each other. Whoever owns a kind, timer or check
// registers it explicitly (an area's Register function); Open takes the
// finished Schema, and the engine reads it, never changes it.
type Schema struct {
	kinds      []kindRef
	byBucket   map[string]int // the index in kinds of a bucket's kind
	timers     map[string]TimerHandler
	checks     []namedCheck
	migrations []migration
	advance    []func(tx *Tx, from time.Time) error
	hooks      map[any][]any
	principals []string
	subjects   []timerSubject
	imports    []ImportHook
	admin      func(tx *Tx) (string, error)
	hot        []func(tx *Tx) ([]HotRead, error)
	hotRoom    [2]func(tx *Tx) ([]HotRead, error)
}

// ImportHook is told of every import, imported or refused: rec names who
// imported what, replaced describes the tenant before, err is why the
// import failed (nil when it succeeded). It runs in a transaction of the
// tenant as it is after the import (the old one after a failure).
type ImportHook func(tx *Tx, rec ImportRecord, replaced string, err error) error

// timerSubject says how to find the object of the timers whose kind starts
// with prefix (see checkTimers).
type timerSubject struct {
	prefix string
	exists func(tx *Tx, payload string) (bool, error)
}

// NewSchema returns a schema holding what the engine itself keeps: the
// timers bucket and the migration of every record to the binary
// encoding.
func NewSchema() *Schema {
	s := &Schema{byBucket: make(map[string]int, kindsRoom), timers: make(map[string]TimerHandler, hooksRoom), hooks: make(map[any][]any, hooksRoom),
		kinds: make([]kindRef, 0, kindsRoom)}
	s.hot = s.hotRoom[:0]
	timerKind.Register(s)
	s.AddMigration(2, "binary record encoding", migrateCBORRecords)
	s.AddMigration(7, "index entries with binary GUID keys", func(tx *Tx) error { return tx.rebuildIndexes() })
	s.AddCheck("indexes", checkIndexes)
	s.AddCheck("timers", checkTimers)
	return s
}

// kindRef is a record kind as a schema holds it: what opening a tenant
// file needs of it (its bucket, and whether Open creates that bucket), and
// how to get the rest of its description. The description is made when
// the kind is first used, not when it is registered, so that opening a
// tenant does not build the description of every kind it holds.
type kindRef struct {
	bucket  string
	onWrite bool
	kind    interface{ def() *kindDef }
}

// def returns the kind's description, made on its first use.
func (r kindRef) def() *kindDef { return r.kind.def() }

// kindsRoom is the room a new schema makes for its kinds: the whole
// tenant's (some 60) fit without the list being copied or the bucket
// index rehashed as they are added.
const kindsRoom = 96

// hooksRoom is the room a new schema makes for the timer kinds and the
// hooks the areas offer each other (some 12 and 10).
const hooksRoom = 24

// kindDef is the untyped description of a record kind the engine works
// with: the bucket, how to make a value for export and import, and how to
// index a stored record.
type kindDef struct {
	bucket string
	// name is the human name of a record (counts), noun its name in
	// not-found errors.
	name, noun string
	// newValue returns a new value of the record type.
	newValue func() any
	// index returns the index entries of a stored record (nil: the kind
	// has no secondary index).
	index func(raw []byte) ([]indexEntry, error)
	// notExported keeps the bucket out of export and Info.
	notExported bool
	// onWrite: the bucket is created by the first write, not by Open.
	onWrite bool
	// restores: the spec gives the record type's RestoreForm (Restore).
	restores bool
}

// IndexEntry is one secondary-index value of a record. An entry with a
// Payload is a covering entry: the index keeps the payload (normally the
// stored record itself) beside the key, so a walk of the index reads it
// without a second, random read of the record.
type IndexEntry struct {
	Name    string
	Value   string
	Payload []byte
}

// KindSpec describes a record kind of type T.
type KindSpec[T any] struct {
	// Bucket is the bbolt bucket of the kind (and its name in exports).
	Bucket string
	// Name names one record in counts ("mailbox").
	Name string
	// Noun names one record in not-found errors (default Name).
	Noun string
	// Index returns the secondary-index entries of a record; raw is its
	// stored form (the payload of a covering entry). Nil: no index.
	Index func(v *T, raw []byte) []IndexEntry
	// Fast, when set, reads stored records on the fast path (for kinds
	// read by the hundred thousand, or by every command): T's decoder,
	// fastdecode.New of T written out as a literal (fastgen); a record it
	// does not understand falls back to the general decoder.
	Fast *fastdecode.Decoder
	// NotExported keeps the kind in the file but out of export and Info.
	NotExported bool
	// CreatedOnWrite creates the bucket at the first write instead of at
	// Open.
	CreatedOnWrite bool
	// Restore is set, to (*T).RestoreForm, exactly when *T is a
	// codec.DerivingRecord: a record read in the stored form that left
	// values out gets them back. It is given here rather than found by
	// asking a record for the interface, which the first time makes the
	// runtime build a table entry for the pair from both types' method
	// names, read from pages of the program a command touches for that
	// alone (Schema.MissingRestore finds a kind that leaves it out).
	Restore func(*T)
}

// Kind is a record kind of type T: typed access to its bucket. Define it
// once (DefineKind) and register it in a Schema.
type Kind[T any] struct {
	spec KindSpec[T]
	// def is made from spec on first use, so that defining a kind at
	// package level runs no code when the program starts.
	defOnce sync.Once
	built   *kindDef
}

// DefineKind returns the kind spec describes.
func DefineKind[T any](spec KindSpec[T]) *Kind[T] { return &Kind[T]{spec: spec} }

// def returns the kind's untyped description.
func (k *Kind[T]) def() *kindDef {
	k.defOnce.Do(func() { k.built = k.makeDef() })
	return k.built
}

func (k *Kind[T]) makeDef() *kindDef {
	spec := k.spec
	noun := spec.Noun
	if noun == "" {
		noun = spec.Name
	}
	d := &kindDef{bucket: spec.Bucket, name: spec.Name, noun: noun, newValue: func() any { return new(T) },
		notExported: spec.NotExported, onWrite: spec.CreatedOnWrite, restores: spec.Restore != nil}
	if spec.Index != nil {
		d.index = func(raw []byte) ([]indexEntry, error) {
			v := new(T)
			if err := k.Decode(raw, v); err != nil {
				return nil, err
			}
			var out []indexEntry
			for _, e := range spec.Index(v, raw) {
				out = append(out, indexEntry{name: e.Name, value: e.Value, payload: e.Payload})
			}
			return out, nil
		}
	}
	return d
}

// Register adds the kind to s. Its description is made on first use.
func (k *Kind[T]) Register(s *Schema) {
	s.addKind(kindRef{bucket: k.spec.Bucket, onWrite: k.spec.CreatedOnWrite, kind: k})
}

// Bucket returns the kind's bucket name.
func (k *Kind[T]) Bucket() string { return k.spec.Bucket }

// Decode decodes a stored record of the kind into v. On the fast path v
// is replaced by the record.
func (k *Kind[T]) Decode(raw []byte, v *T) error {
	if err := k.DecodeStored(raw, v); err != nil {
		return err
	}
	k.restoreStored(raw, v)
	return nil
}

// restoreStored is codec.RestoreStored for a record of the kind: the
// kind's Restore, for a record in the stored form of a DerivingRecord
// (not JSON, nor a record's own binary form, which leave out nothing).
func (k *Kind[T]) restoreStored(raw []byte, v *T) {
	if r := k.spec.Restore; r != nil && !codec.IsJSON(raw) && !codec.IsBinary(raw) {
		r(v)
	}
}

// DecodeStored is Decode without restoring the values the stored form of
// a DerivingRecord left out: the caller restores them (RestoreForm) before
// it reads them, and all of them before the record is written back.
func (k *Kind[T]) DecodeStored(raw []byte, v *T) error { return k.decodeStored(raw, "", v) }

// decodeStored is DecodeStored; s, when not empty, is raw held in a
// string that the strings of a record decoded on the fast path are cut
// from, instead of a copy of raw.
func (k *Kind[T]) decodeStored(raw []byte, s string, v *T) error {
	if k.spec.Fast != nil && !codec.IsJSON(raw) && !codec.IsBinary(raw) {
		// decoded in place: a record is wide, and a copy of it costs as
		// much as a good part of its decoding
		var zero T
		*v = zero
		var ok bool
		if s != "" {
			ok = k.spec.Fast.DecodeString(s, unsafe.Pointer(v))
		} else {
			ok = k.spec.Fast.Decode(raw, unsafe.Pointer(v))
		}
		if ok {
			return nil
		}
		*v = zero
	}
	return codec.DecodeStored(raw, v)
}

// DecodeKeys decodes into v the fields of the stored record raw (held in
// a string, which v's strings become parts of) whose keys are in keys,
// leaving v's other fields as they are, and restores none of the values
// the stored form leaves out (see DerivingRecord): a reader that needs a
// few fields of a wide record decodes those, and others later. It
// reports false when raw is not in the form the fast path reads or the
// kind has no fast path; the caller decodes the record whole then.
func (k *Kind[T]) DecodeKeys(raw string, v *T, keys *fastdecode.Keys) bool {
	b := unsafe.Slice(unsafe.StringData(raw), len(raw))
	if k.spec.Fast == nil || codec.IsJSON(b) || codec.IsBinary(b) {
		return false
	}
	return k.spec.Fast.DecodeKeys(raw, unsafe.Pointer(v), keys)
}

// IndexKeys notes in at where the value of each key of the stored record
// raw starts (fastdecode.Decoder.Index), for DecodeIndexed; it reports
// false when the fast path cannot (the caller uses DecodeKeys then).
func (k *Kind[T]) IndexKeys(raw string, at []uint16) bool {
	b := unsafe.Slice(unsafe.StringData(raw), len(raw))
	if k.spec.Fast == nil || codec.IsJSON(b) || codec.IsBinary(b) {
		return false
	}
	return k.spec.Fast.Index(raw, at)
}

// DecodeIndexed is DecodeKeys reading the values where IndexKeys noted
// them in at, not the whole record.
func (k *Kind[T]) DecodeIndexed(raw string, v *T, at []uint16, keys *fastdecode.Keys) bool {
	return k.spec.Fast.DecodeIndexed(raw, unsafe.Pointer(v), at, keys)
}

// DecodeFast decodes raw into v (which must be zero) on the fast path
// alone, reporting false when raw is not in the form it reads (a kind
// without a fast decoder never is): Decode falls back to the general
// decoder then. Tests compare the two with it.
func (k *Kind[T]) DecodeFast(raw []byte, v *T) bool {
	if k.spec.Fast == nil {
		return false
	}
	if !k.spec.Fast.Decode(raw, unsafe.Pointer(v)) {
		return false
	}
	if d, ok := any(v).(DerivingRecord); ok {
		d.RestoreForm()
	}
	return true
}

// Get returns the record under key; ok is false when there is none (a
// kind created on write has none before its first record).
func (k *Kind[T]) Get(tx *Tx, key string) (v *T, ok bool, err error) {
	if k.def().onWrite && tx.btx.Bucket([]byte(k.def().bucket)) == nil {
		return nil, false, nil
	}
	b, err := tx.bucket(k.def().bucket)
	if err != nil {
		return nil, false, err
	}
	raw := b.Get([]byte(key))
	if raw == nil {
		return nil, false, nil
	}
	v = new(T)
	if err := k.Decode(raw, v); err != nil {
		return nil, false, fmt.Errorf("decode %s %q: %w", k.def().bucket, key, err)
	}
	return v, true, nil
}

// GetInto decodes the record under key into v, which may be a part of
// the record type (a struct with some of its fields): reading only what
// is needed of a large record. ok is false when there is none.
func (k *Kind[T]) GetInto(tx *Tx, key string, v any) (ok bool, err error) {
	return tx.getRecord(k.def().bucket, key, v)
}

// Has reports whether there is a record under key.
func (k *Kind[T]) Has(tx *Tx, key string) bool { return tx.getRaw(k.def().bucket, key) != nil }

// Load returns the record under key, or a *NotFoundError naming ident
// (the identity the caller was given) when there is none.
func (k *Kind[T]) Load(tx *Tx, key, ident string) (*T, error) {
	v, ok, err := k.Get(tx, key)
	if err == nil && !ok {
		err = &NotFoundError{Kind: k.def().noun, Key: ident}
	}
	return v, err
}

// Remove deletes the record under key and its index entries, or returns a
// *NotFoundError naming ident when there is none.
func (k *Kind[T]) Remove(tx *Tx, key, ident string) error {
	ok, err := k.Delete(tx, key)
	if err == nil && !ok {
		err = &NotFoundError{Kind: k.def().noun, Key: ident}
	}
	return err
}

// Put stores v under key and keeps the kind's indexes. The bucket of a
// kind created on write is created here.
func (k *Kind[T]) Put(tx *Tx, key string, v *T) error {
	if k.def().onWrite {
		if _, err := tx.btx.CreateBucketIfNotExists([]byte(k.def().bucket)); err != nil {
			return err
		}
	}
	return tx.putRecord(k.def().bucket, key, v)
}

// NextSequence returns the next number of the kind's own sequence (kept
// with its bucket, starting at 1): keys of records appended in order.
func (k *Kind[T]) NextSequence(tx *Tx) (uint64, error) {
	b, err := tx.btx.CreateBucketIfNotExists([]byte(k.def().bucket))
	if err != nil {
		return 0, err
	}
	return b.NextSequence()
}

// Any reports whether the kind has a record (a cursor, not a count:
// counts of a bucket are only right once its transaction has committed).
func (k *Kind[T]) Any(tx *Tx) bool {
	b := tx.btx.Bucket([]byte(k.spec.Bucket)) // the spec's: no description made for a look
	if b == nil {
		return false
	}
	key, _ := b.Cursor().First()
	return key != nil
}

// Delete removes the record under key and its index entries; it reports
// whether there was one.
func (k *Kind[T]) Delete(tx *Tx, key string) (bool, error) {
	return tx.deleteRecord(k.def().bucket, key)
}

// ForEach calls fn for every record whose key sorts after `after` ("" =
// from the first), in key order. Returning ErrStop ends the walk quietly.
// A kind created on write has no record before its first.
func (k *Kind[T]) ForEach(tx *Tx, after string, fn func(key string, v *T) error) error {
	if k.def().onWrite && tx.btx.Bucket([]byte(k.def().bucket)) == nil {
		return nil // created by its first record
	}
	return tx.forEachRaw(k.def().bucket, after, func(key string, raw []byte) error {
		v := new(T)
		if err := k.Decode(raw, v); err != nil {
			return fmt.Errorf("decode %s %q: %w", k.def().bucket, key, err)
		}
		return fn(key, v)
	})
}

// List returns every record in key order.
func (k *Kind[T]) List(tx *Tx) ([]*T, error) {
	if out, ok, err := k.listSmall(tx); ok {
		return out, err
	}
	var out []*T
	err := k.ForEach(tx, "", func(_ string, v *T) error {
		out = append(out, v)
		return nil
	})
	return out, err
}

// ListWhere returns, in key order, the records whose stored form keep
// accepts, decoding only those, and whether the kind has any record at
// all (as Any: a file without the kind's bucket has none): a reader that
// can tell from the stored bytes which records cannot concern it skips
// decoding them. The strings of a record decoded on the fast path are
// parts of one copy of its stored form, not a copy each.
func (k *Kind[T]) ListWhere(tx *Tx, keep func(raw []byte) bool) (out []*T, some bool, err error) {
	b := tx.btx.Bucket([]byte(k.spec.Bucket)) // the description is made only for a record kept
	if b == nil {
		return nil, false, nil // created by its first record, or not yet by Open (a file opened read-only)
	}
	c := b.Cursor()
	for key, raw := c.First(); key != nil; key, raw = c.Next() {
		some = true
		if !keep(raw) {
			continue // its key is not even made into a string
		}
		v := new(T)
		if err := k.decodeStored(raw, string(raw), v); err != nil {
			return nil, true, fmt.Errorf("decode %s %q: %w", k.def().bucket, key, err)
		}
		k.restoreStored(raw, v)
		out = append(out, v)
	}
	return out, some, nil
}

// listSmall bounds the kinds listSmall lists: at most this many records
// and bytes of them.
const (
	listSmallRecords = 256
	listSmallBytes   = 64 << 10
)

// listSmall is List for a kind of a few small records (ok false: the
// kind is larger): their bytes are copied into one block, their strings
// are parts of it, and the records are made in one slice, so listing
// allocates a few times in all rather than a few times per record. (A
// large kind is not listed so: one record kept would keep the whole
// block.)
func (k *Kind[T]) listSmall(tx *Tx) ([]*T, bool, error) {
	b := tx.btx.Bucket([]byte(k.def().bucket))
	if b == nil {
		return nil, false, nil
	}
	c := b.Cursor()
	n, size := 0, 0
	for key, v := c.First(); key != nil; key, v = c.Next() {
		if v == nil {
			return nil, false, nil // a nested bucket: List says what it is
		}
		n, size = n+1, size+len(v)
		if n > listSmallRecords || size > listSmallBytes {
			return nil, false, nil
		}
	}
	if n == 0 {
		return nil, true, nil
	}
	block := make([]byte, 0, size)
	ends := make([]int, 0, n)
	for key, v := c.First(); key != nil; key, v = c.Next() {
		block = append(block, v...)
		ends = append(ends, len(block))
	}
	all := unsafe.String(unsafe.SliceData(block), len(block))
	vals := make([]T, n)
	out := make([]*T, n)
	key, _ := c.First()
	for i, start := 0, 0; i < n; i, start = i+1, ends[i] {
		s := all[start:ends[i]]
		raw := unsafe.Slice(unsafe.StringData(s), len(s))
		if err := k.decodeStored(raw, s, &vals[i]); err != nil {
			return nil, true, fmt.Errorf("decode %s %q: %w", k.def().bucket, key, err)
		}
		k.restoreStored(raw, &vals[i])
		out[i] = &vals[i]
		key, _ = c.Next()
	}
	return out, true, nil
}

// Scan returns up to limit records after `after` (limit <= 0 means 500)
// and the key to pass as `after` for the next page ("" at the end).
func (k *Kind[T]) Scan(tx *Tx, after string, limit int) ([]*T, string, error) {
	if limit <= 0 {
		limit = 500
	}
	var out []*T
	var last string
	more := false
	err := k.ForEach(tx, after, func(key string, v *T) error {
		if len(out) == limit {
			more = true
			return ErrStop
		}
		out = append(out, v)
		last = key
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	if !more {
		last = ""
	}
	return out, last, nil
}

// WalkIndex walks index name of the kind as Tx.WalkIndex does, calling
// fn with each entry and the stored record its key names (entries whose
// record is missing are skipped: the indexes check reports them). The
// records' mapped pages are noted as read (see ReleaseMappedPages).
func (k *Kind[T]) WalkIndex(tx *Tx, name, from string, fn func(entry string, raw []byte) error) error {
	b, err := tx.bucket(k.def().bucket)
	if err != nil {
		return err
	}
	var key []byte
	return tx.WalkIndex(name, from, func(entry string, _ []byte) error {
		i := strings.LastIndexByte(entry, 0)
		if i < 0 {
			return nil
		}
		key = append(key[:0], entry[i+1:]...)
		raw := b.Get(key)
		if raw == nil {
			return nil
		}
		tx.noteRead(raw)
		return fn(entry, raw)
	})
}

// Count returns the number of records.
func (k *Kind[T]) Count(tx *Tx) int { return tx.countBucket(k.def().bucket) }

func (s *Schema) addKind(d kindRef) {
	if _, dup := s.byBucket[d.bucket]; dup {
		panic("store: bucket " + d.bucket + " registered twice")
	}
	if d.bucket == bucketMeta || d.bucket == bucketIndex || d.bucket == "" {
		panic("store: reserved bucket name " + d.bucket)
	}
	s.byBucket[d.bucket] = len(s.kinds)
	s.kinds = append(s.kinds, d)
}

// MissingRestore returns the buckets of the kinds whose record type is a
// codec.DerivingRecord but whose spec gives no Restore: their records
// would be read without the values their stored form left out. A test
// of the whole tenant's schema checks there are none.
func (s *Schema) MissingRestore() []string {
	var out []string
	for _, r := range s.kinds {
		d := r.def()
		if _, deriving := d.newValue().(DerivingRecord); deriving && !d.restores {
			out = append(out, d.bucket)
		}
	}
	return out
}

// kind returns the kind stored in bucket.
func (s *Schema) kind(bucket string) (*kindDef, bool) {
	i, ok := s.byBucket[bucket]
	if !ok {
		return nil, false
	}
	return s.kinds[i].def(), true
}

// newValue returns a new value of bucket's record type; a bucket the
// schema does not know decodes generically.
func (s *Schema) newValue(bucket string) any {
	if d, ok := s.kind(bucket); ok {
		return d.newValue()
	}
	var v any
	return &v
}

// AddTimer installs the handler of a timer kind.
func (s *Schema) AddTimer(kind string, h TimerHandler) {
	if _, dup := s.timers[kind]; dup {
		panic("store: timer kind " + kind + " registered twice")
	}
	s.timers[kind] = h
}

// TimerKinds lists the timer kinds with a handler, sorted.
func (s *Schema) TimerKinds() []string {
	var ks []string
	for k := range s.timers {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// AddCheck adds a tenant check; checks run in the order they were added.
func (s *Schema) AddCheck(name string, fn CheckFunc) {
	s.checks = append(s.checks, namedCheck{name, fn})
}

// CheckNames lists the checks in the order they run.
func (s *Schema) CheckNames() []string {
	var out []string
	for _, c := range s.checks {
		out = append(out, c.name)
	}
	return out
}

// AddMigration adds the migration of a tenant from schema version from to
// from+1 (see migrate.go). Apply rewrites the records of tx; the indexes
// are up to date before it runs and putRecord keeps them so.
func (s *Schema) AddMigration(from int, name string, apply func(tx *Tx) error) {
	// kept in order of From as they are added (after those of the same
	// From added before)
	i := len(s.migrations)
	for i > 0 && s.migrations[i-1].From > from {
		i--
	}
	s.migrations = slices.Insert(s.migrations, i, migration{From: from, Name: name, Apply: apply})
}

// Layout is what a schema says of the files that hold it: its Version
// and a digest of the names of the buckets Open makes (Buckets). A file
// whose meta bucket records the digest has them all.
type Layout struct {
	Version int
	Buckets string
}

// Layout returns the schema's layout.
func (s *Schema) Layout() Layout {
	return Layout{Version: s.Version(), Buckets: bucketsDigest(s.openBuckets())}
}

// openBuckets are the buckets Open makes besides the meta bucket, in
// order: the index and the bucket of each kind not created on its first
// write.
func (s *Schema) openBuckets() []string {
	out := make([]string, 1, len(s.kinds)+1)
	out[0] = bucketIndex
	for _, d := range s.kinds {
		if !d.onWrite {
			out = append(out, d.bucket)
		}
	}
	return out
}

// bucketsDigest is Layout.Buckets for these bucket names.
func bucketsDigest(names []string) string {
	h := fnv.New64a()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// layoutRecord is what a file's meta bucket records of the buckets
// ensureBuckets made for the schema (metaLayout): the layout digest,
// then the names of openBuckets in byte order, each after a NUL.
func (s *Schema) layoutRecord() []byte {
	names := s.openBuckets()
	rec := []byte(bucketsDigest(names))
	slices.Sort(names)
	for _, n := range names {
		rec = append(append(rec, 0), n...)
	}
	return rec
}

// recordedBuckets is the part of a layout record after the digest when
// the digest is want: the names of the buckets made for that layout.
func recordedBuckets(rec []byte, want string) ([]byte, bool) {
	if len(rec) <= len(want) || string(rec[:len(want)]) != want || rec[len(want)] != 0 {
		return nil, false
	}
	return rec[len(want)+1:], true
}

// Version is the schema version of the layout this schema writes: one
// more than the last migration leads from.
func (s *Schema) Version() int {
	v := minSchemaVersion
	for _, m := range s.migrations {
		v = max(v, m.From+1)
	}
	return v
}

// validate checks that the migrations form one chain from
// minSchemaVersion up to Version.
func (s *Schema) validate() error {
	for i, m := range s.migrations {
		if m.From != minSchemaVersion+i {
			return fmt.Errorf("store: schema migrations do not form a chain: migration %d leads from version %d", i, m.From)
		}
	}
	return nil
}

// TimerSubject tells the timers check how to find the object the payload
// of a timer names, for the timer kinds that start with prefix: exists
// reports whether it is there.
func (s *Schema) TimerSubject(prefix string, exists func(tx *Tx, payload string) (bool, error)) {
	s.subjects = append(s.subjects, timerSubject{prefix, exists})
}

// AfterAdvance adds a hook the clock runs after every advance (AdvanceTo),
// once the due timers have fired; from is the clock before the advance.
func (s *Schema) AfterAdvance(fn func(tx *Tx, from time.Time) error) {
	s.advance = append(s.advance, fn)
}

// OnImport adds a hook told of every import (an admin log records them).
func (s *Schema) OnImport(fn ImportHook) { s.imports = append(s.imports, fn) }

// Administrator sets how to find the tenant's administrator (a sign-in
// name): who acts for an import that names no caller.
func (s *Schema) Administrator(fn func(tx *Tx) (string, error)) { s.admin = fn }

// Principals names the buckets whose changes decide who may run which
// cmdlet (see Store.PrincipalsGeneration).
func (s *Schema) Principals(buckets ...string) {
	s.principals = append(s.principals, buckets...)
}

// Hook is a typed extension point one area declares and others fill in,
// per schema: the area that declares it calls the functions the others
// added (Funcs), so neither imports the other. F is the type of what is
// added: a function, or a struct of functions.
type Hook[F any] struct{ name string }

// NewHook declares a hook; name says what it is for (errors, docs).
func NewHook[F any](name string) *Hook[F] { return &Hook[F]{name: name} }

// Add adds f to the hook in s.
func (h *Hook[F]) Add(s *Schema, f F) { s.hooks[h] = append(s.hooks[h], f) }

// Funcs returns the functions added to the hook in the schema of tx's
// store, in the order they were added.
func (h *Hook[F]) Funcs(tx *Tx) []F {
	fs := tx.s.sch().hooks[h]
	out := make([]F, len(fs))
	for i, f := range fs {
		out[i] = f.(F)
	}
	return out
}
