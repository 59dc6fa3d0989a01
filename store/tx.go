package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/codec"
	"github.com/exosim/exosim/store/recordmap"
)

// Bucket names. Every top-level bucket except meta and the index bucket is
// part of the export.
const (
	bucketMeta   = "meta"
	bucketIndex  = "idx"
	bucketTimers = "timers"
)

// Meta keys.
const (
	metaSchemaVersion = "schemaVersion"
	metaInitialized   = "initialized"
	metaSeed          = "seed"
	metaClock         = "clock"
	metaIDSeed        = "idSeed"
	metaIDCounter     = "idCounter"
	metaTimerSeq      = "timerSeq"
	// metaLayout records the layout of the buckets ensureBuckets made
	// (Schema.layoutRecord)
	metaLayout = "layout"
)

// indexEntry is one secondary-index value of a record (IndexEntry as the
// engine keeps it).
type indexEntry struct {
	name    string
	value   string
	payload []byte
}

// ensureBuckets creates the meta and index buckets and the bucket of
// every kind of the schema that Open creates, and records their names
// (metaLayout): the next Open of the file checks them without the schema.
func (s *Store) ensureBuckets(btx *bolt.Tx) error {
	meta, err := btx.CreateBucketIfNotExists([]byte(bucketMeta))
	if err != nil {
		return err
	}
	schema := s.sch()
	for _, n := range schema.openBuckets() {
		if _, err := btx.CreateBucketIfNotExists([]byte(n)); err != nil {
			return err
		}
	}
	return meta.Put([]byte(metaLayout), schema.layoutRecord())
}

// hasBuckets reports whether the file has a bucket of each of names
// (NUL-separated, in byte order): one pass over the file's buckets, none
// of them opened.
func hasBuckets(btx *bolt.Tx, names []byte) bool {
	c := btx.Cursor()
	k, v := c.First()
	for len(names) > 0 {
		name := names
		if i := bytes.IndexByte(names, 0); i >= 0 {
			name, names = names[:i], names[i+1:]
		} else {
			names = nil
		}
		for k != nil && bytes.Compare(k, name) < 0 {
			k, v = c.Next()
		}
		if k == nil || !bytes.Equal(k, name) || v != nil {
			return false
		}
	}
	return true
}

// Tx is one transaction on the tenant. It must not be used after the View
// or Update callback that received it returns.
type Tx struct {
	s   *Store
	btx *bolt.Tx

	// clock, idSeed, idCounter and timerSeq are the meta state, read
	// from the meta bucket the first time one of them is used (state):
	// most transactions use none of them.
	metaRead  bool
	clock     time.Time
	idSeed    string
	idCounter uint64
	timerSeq  uint64
	dirty     bool
	// touched are the data buckets this transaction wrote; touchedAll
	// means it replaced them wholesale (reset, import). See
	// Store.PrincipalsGeneration.
	touched    map[string]bool
	touchedAll bool
	// span is the mapped pages this transaction read (noteRead), of the
	// mapping at mapBase; the store takes it over when the transaction
	// ends.
	span    readSpan
	mapBase uintptr
	// checkpoint, when set, commits what the transaction wrote so far and
	// continues in a new one (see Checkpoint); batch is how many records
	// a bulk rewrite handles between checkpoints.
	checkpoint func() error
	batch      int
	// indexesRebuilt: the transaction rebuilt the index bucket from the
	// records (see RebuildIndexes).
	indexesRebuilt bool
}

// Checkpoint commits the writes of a migration run by Open so far and
// continues in a new bbolt transaction, so that rewriting a large tenant
// holds one batch of changes in memory rather than all of them. Bucket
// and cursor handles the caller holds are invalid afterwards. In any other
// transaction (an import, which must stay all-or-nothing) it does nothing.
func (tx *Tx) Checkpoint() error {
	if tx.checkpoint == nil {
		return nil
	}
	return tx.checkpoint()
}

// batchSize is how many records a bulk rewrite handles before a
// checkpoint: unlimited in a transaction that cannot checkpoint.
func (tx *Tx) batchSize() int {
	if tx.checkpoint == nil {
		return int(^uint(0) >> 1)
	}
	if tx.batch > 0 {
		return tx.batch
	}
	return migrationBatch
}

// migrationBatch is the default number of records a migration rewrites
// per transaction.
const migrationBatch = 5000

// touch notes that the transaction wrote to bucket.
func (tx *Tx) touch(bucket string) {
	if tx.touched == nil {
		tx.touched = map[string]bool{}
	}
	tx.touched[bucket] = true
}

func (s *Store) newTx(btx *bolt.Tx) *Tx { return &Tx{s: s, btx: btx} }

// state reads the meta state (clock, ID generator, timer sequence) from
// the meta bucket the first time it is needed; it returns tx.
func (tx *Tx) state() *Tx {
	if tx.metaRead {
		return tx
	}
	tx.metaRead = true
	tx.clock = DefaultClock()
	if mb := tx.btx.Bucket([]byte(bucketMeta)); mb != nil {
		if v := mb.Get([]byte(metaClock)); v != nil {
			if t, err := time.Parse(time.RFC3339Nano, string(v)); err == nil {
				tx.clock = t.UTC()
			}
		}
		if v := mb.Get([]byte(metaIDSeed)); v != nil {
			tx.idSeed = string(v)
		}
		if v := mb.Get([]byte(metaIDCounter)); v != nil {
			tx.idCounter, _ = strconv.ParseUint(string(v), 10, 64)
		}
		if v := mb.Get([]byte(metaTimerSeq)); v != nil {
			tx.timerSeq, _ = strconv.ParseUint(string(v), 10, 64)
		}
	}
	return tx
}

// Writable reports whether this is an Update transaction.
func (tx *Tx) Writable() bool { return tx.btx.Writable() }

// flush persists the cached meta state at the end of an Update.
func (tx *Tx) flush() error {
	if !tx.dirty {
		return nil
	}
	mb := tx.btx.Bucket([]byte(bucketMeta))
	if mb == nil {
		return errors.New("tenant file has no meta bucket")
	}
	for k, v := range map[string]string{
		metaClock:     tx.clock.UTC().Format(time.RFC3339Nano),
		metaIDSeed:    tx.idSeed,
		metaIDCounter: strconv.FormatUint(tx.idCounter, 10),
		metaTimerSeq:  strconv.FormatUint(tx.timerSeq, 10),
	} {
		if err := mb.Put([]byte(k), []byte(v)); err != nil {
			return err
		}
	}
	tx.dirty = false
	return nil
}

func (tx *Tx) metaGet(k string) string {
	mb := tx.btx.Bucket([]byte(bucketMeta))
	if mb == nil {
		return ""
	}
	return string(mb.Get([]byte(k)))
}

func (tx *Tx) metaPut(k, v string) error {
	mb := tx.btx.Bucket([]byte(bucketMeta))
	if mb == nil {
		return errors.New("tenant file has no meta bucket")
	}
	return mb.Put([]byte(k), []byte(v))
}

// IsInitialized reports whether the tenant has been seeded or imported.
func (tx *Tx) IsInitialized() bool { return tx.metaGet(metaInitialized) == "true" }

// SeedName returns the name of the seed the tenant was created from.
func (tx *Tx) SeedName() string { return tx.metaGet(metaSeed) }

func (tx *Tx) bucket(name string) (*bolt.Bucket, error) {
	b := tx.btx.Bucket([]byte(name))
	if b == nil {
		return nil, fmt.Errorf("tenant file has no %q bucket", name)
	}
	return b, nil
}

// getRecord decodes bucket[key] into v; it reports false when absent.
func (tx *Tx) getRecord(bucket, key string, v any) (bool, error) {
	b, err := tx.bucket(bucket)
	if err != nil {
		return false, err
	}
	raw := b.Get([]byte(key))
	if raw == nil {
		return false, nil
	}
	if err := codec.Decode(raw, v); err != nil {
		return false, fmt.Errorf("decode %s %q: %w", bucket, key, err)
	}
	return true, nil
}

// putRecord encodes v into bucket[key], maintaining secondary indexes.
func (tx *Tx) putRecord(bucket, key string, v any) error {
	raw, err := codec.Encode(v)
	if err != nil {
		return fmt.Errorf("encode %s %q: %w", bucket, key, err)
	}
	return tx.putRaw(bucket, key, raw)
}

func (tx *Tx) putRaw(bucket, key string, raw []byte) error {
	tx.touch(bucket)
	if key == "" {
		return fmt.Errorf("empty key for %s", bucket)
	}
	b, err := tx.bucket(bucket)
	if err != nil {
		return err
	}
	def, _ := tx.s.sch().kind(bucket)
	if def == nil || def.index == nil {
		return b.Put([]byte(key), raw)
	}
	var stale []indexPut
	if old := b.Get([]byte(key)); old != nil {
		var err error
		if stale, err = appendIndexPuts(nil, def, key, old); err != nil {
			return err
		}
	}
	fresh, err := appendIndexPuts(nil, def, key, raw)
	if err != nil {
		return err
	}
	if err := b.Put([]byte(key), raw); err != nil {
		return err
	}
	return tx.replaceIndexEntries(stale, fresh)
}

// replaceIndexEntries deletes the stale entries that fresh does not have
// and writes the fresh ones that are new or changed. An entry that stays
// as it was is not touched, so its page is not rewritten.
func (tx *Tx) replaceIndexEntries(stale, fresh []indexPut) error {
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return err
	}
	same := func(a, b indexPut) bool {
		return bytes.Equal(a.key, b.key) && bytes.Equal(a.payload, b.payload) && (a.payload == nil) == (b.payload == nil)
	}
	for _, o := range stale {
		keep := false
		for _, n := range fresh {
			if bytes.Equal(o.key, n.key) {
				keep = true
				break
			}
		}
		if !keep {
			if err := ib.Delete(o.key); err != nil {
				return err
			}
		}
	}
	for _, n := range fresh {
		unchanged := false
		for _, o := range stale {
			if same(o, n) {
				unchanged = true
				break
			}
		}
		if !unchanged {
			if err := ib.Put(n.key, n.payload); err != nil {
				return err
			}
		}
	}
	return nil
}

// deleteRecord removes bucket[key] and its index entries. It reports
// whether the record existed.
func (tx *Tx) deleteRecord(bucket, key string) (bool, error) {
	b, err := tx.bucket(bucket)
	if err != nil {
		return false, err
	}
	old := b.Get([]byte(key))
	if old == nil {
		return false, nil
	}
	tx.touch(bucket)
	if def, _ := tx.s.sch().kind(bucket); def != nil && def.index != nil {
		if err := tx.unindex(def, key, old); err != nil {
			return false, err
		}
	}
	return true, b.Delete([]byte(key))
}

// idxKey returns the key of an index entry: the index name, the value in
// lower case and the record key, separated by NUL bytes, the record key
// as appendRecordKey writes it.
func idxKey(name, value, key string) []byte {
	lower := strings.ToLower(value)
	b := make([]byte, 0, len(name)+len(lower)+len(key)+2)
	b = append(append(append(append(b, name...), 0), lower...), 0)
	return appendRecordKey(b, key)
}

// guidKeyMarker starts the record key of an index entry that is a GUID in
// its canonical lower-case text, held as its 16 bytes: most records are
// keyed by GUIDs, and their text is a third of a large tenant's index.
// The bytes sort as the text does; a text key never starts with the
// marker.
const guidKeyMarker = 0x01

// appendRecordKey appends the record key of an index entry to b.
func appendRecordKey(b []byte, key string) []byte {
	g, ok := recordmap.ParseText(key)
	if !ok {
		return append(b, key...)
	}
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(append(b, guidKeyMarker), g.Hi), g.Lo)
}

// recordKey returns the record key held at the end of an index entry's
// key (after the value), as appendRecordKey wrote it.
func recordKey(b []byte) string {
	if len(b) != 17 || b[0] != guidKeyMarker {
		return string(b)
	}
	var t [36]byte
	return string(appendKeyText(t[:0], b))
}

// appendKeyText appends to t the record key of stored, the end of an index
// entry's key as appendRecordKey wrote it.
func appendKeyText(t, stored []byte) []byte {
	if len(stored) != 17 || stored[0] != guidKeyMarker {
		return append(t, stored...)
	}
	const digits = "0123456789abcdef"
	for i, c := range stored[1:] {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			t = append(t, '-')
		}
		t = append(t, digits[c>>4], digits[c&0xf])
	}
	return t
}

// IndexedKey returns the record key an index entry's key ends with, given
// what follows the value's separator. It is for tools that read the bbolt
// file directly.
func IndexedKey(b []byte) string { return recordKey(b) }

func (tx *Tx) addIndex(def *kindDef, key string, raw []byte) error {
	return tx.eachIndexKey(def, key, raw, func(ib *bolt.Bucket, k, payload []byte) error { return ib.Put(k, payload) })
}

func (tx *Tx) unindex(def *kindDef, key string, raw []byte) error {
	return tx.eachIndexKey(def, key, raw, func(ib *bolt.Bucket, k, _ []byte) error { return ib.Delete(k) })
}

// eachIndexKey calls fn with the index bucket and each index key and
// payload of the record bucket[key] whose value is raw.
func (tx *Tx) eachIndexKey(def *kindDef, key string, raw []byte, fn func(ib *bolt.Bucket, k, payload []byte) error) error {
	entries, err := def.index(raw)
	if err != nil {
		return fmt.Errorf("index %s %q: %w", def.bucket, key, err)
	}
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.value == "" {
			continue
		}
		if err := fn(ib, idxKey(e.name, e.value, key), e.payload); err != nil {
			return err
		}
	}
	return nil
}

// LookupIndex returns the keys of the records whose index `name` holds value
// (case-insensitive), in key order.
func (tx *Tx) LookupIndex(name, value string) ([]string, error) {
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return nil, err
	}
	prefix := indexPrefix(name, value)
	var keys []string
	c := ib.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, recordKey(k[len(prefix):]))
	}
	return keys, nil
}

// indexPrefix returns the start of the keys of the entries of index name
// that hold value.
func indexPrefix(name, value string) []byte {
	return []byte(name + "\x00" + strings.ToLower(value) + "\x00")
}

// LookupIndexEntries calls fn with the record key and the payload of
// each entry of index name that holds value (case-insensitive), in key
// order: one seek. The payload is valid only during fn.
func (tx *Tx) LookupIndexEntries(name, value string, fn func(key string, payload []byte)) error {
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return err
	}
	lower := strings.ToLower(value)
	var b [128]byte
	prefix := append(append(append(append(b[:0], name...), 0), lower...), 0)
	c := ib.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		fn(recordKey(k[len(prefix):]), v)
	}
	return nil
}

// WalkIndex calls fn for the entries of index name in order, from the
// first whose "value\x00key" text sorts at or after from (index values are
// lower case; "" starts at the beginning). fn gets that text and the
// payload of a covering entry, whose mapped pages it notes as read (see
// ReleaseMappedPages). Returning ErrStop ends the walk quietly.
func (tx *Tx) WalkIndex(name, from string, fn func(entry string, payload []byte) error) error {
	var text []byte
	return tx.walkIndex(name, from, func(entry, payload []byte) error {
		text = append(text[:0], entry...)
		if i := bytes.IndexByte(text, 0); i >= 0 {
			text = appendKeyText(text[:i+1], entry[i+1:])
		}
		return fn(string(text), payload)
	})
}

// walkIndex is WalkIndex giving each entry in its stored form: the value,
// NUL, the record key as appendRecordKey wrote it (valid only during fn).
func (tx *Tx) walkIndex(name, from string, fn func(entry, payload []byte) error) error {
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return err
	}
	prefix := []byte(name + "\x00")
	c := ib.Cursor()
	for k, v := c.Seek(indexSeek(prefix, from)); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		tx.noteRead(v)
		if err := fn(k[len(prefix):], v); err != nil {
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// indexSeek returns the stored form of the index entry "value\x00key"
// (or of a bare value) after prefix.
func indexSeek(prefix []byte, entry string) []byte {
	seek := append([]byte(nil), prefix...)
	if i := strings.IndexByte(entry, 0); i >= 0 {
		return appendRecordKey(append(seek, entry[:i+1]...), entry[i+1:])
	}
	return append(seek, entry...)
}

// RebuildIndexes recreates the index bucket from the records, as a
// migration that changes what an index holds needs, unless this
// transaction has done so already: the entries written then follow this
// program's index definitions, and every write since has kept them (a
// migration that changes indexed values writes their entries). Opening a
// tenant several versions old, or importing an old export, then rebuilds
// the indexes once.
func (tx *Tx) RebuildIndexes() error {
	if tx.indexesRebuilt {
		return nil
	}
	return tx.rebuildIndexes()
}

// rebuildIndexes recreates the index bucket from every indexed bucket.
// The entries are written in key order, which bbolt appends quickly and
// packs densely, instead of record order.
func (tx *Tx) rebuildIndexes() error {
	if tx.btx.Bucket([]byte(bucketIndex)) != nil {
		if err := tx.btx.DeleteBucket([]byte(bucketIndex)); err != nil {
			return err
		}
	}
	if _, err := tx.btx.CreateBucket([]byte(bucketIndex)); err != nil {
		return err
	}
	if err := tx.Checkpoint(); err != nil {
		return err
	}
	if err := tx.writeIndexes(func(indexEntry) bool { return true }); err != nil {
		return err
	}
	tx.indexesRebuilt = true
	return nil
}

// writeIndexes writes the index entries of every indexed record that keep
// accepts. In a transaction that cannot checkpoint, all the entries are
// sorted and written at once. One that can works through one index at a
// time, so that the entries in memory are those of one index only: it
// reads the index's entries from every record of its kind, sorts them and
// appends them a batch at a time, each batch followed by a checkpoint.
// Appending in key order keeps each batch's changes to a few pages and
// packs the index as densely as a bulk load.
func (tx *Tx) writeIndexes(keep func(indexEntry) bool) error {
	if tx.checkpoint == nil {
		var puts []indexPut
		for _, r := range tx.s.sch().kinds {
			def := r.def()
			if def.index == nil {
				continue
			}
			err := tx.forEachIndexEntry(def, func(k []byte, e indexEntry) {
				if keep(e) {
					puts = append(puts, indexPut{idxKey(e.name, e.value, string(k)), e.payload})
				}
			})
			if err != nil {
				return err
			}
		}
		return tx.putIndexSorted(puts)
	}
	for _, r := range tx.s.sch().kinds {
		def := r.def()
		if def.index == nil {
			continue
		}
		names := map[string]bool{}
		err := tx.forEachIndexEntry(def, func(_ []byte, e indexEntry) {
			if keep(e) {
				names[e.name] = true
			}
		})
		if err != nil {
			return err
		}
		for _, name := range slices.Sorted(maps.Keys(names)) {
			var puts []indexPut
			err := tx.forEachIndexEntry(def, func(k []byte, e indexEntry) {
				if e.name == name && keep(e) {
					puts = append(puts, indexPut{idxKey(e.name, e.value, string(k)), e.payload})
				}
			})
			if err != nil {
				return err
			}
			sort.Slice(puts, func(i, j int) bool { return bytes.Compare(puts[i].key, puts[j].key) < 0 })
			for len(puts) > 0 {
				n := min(len(puts), tx.batchSize()*indexEntriesPerRecord)
				if err := tx.putIndexSorted(puts[:n]); err != nil {
					return err
				}
				puts = puts[n:]
				if err := tx.Checkpoint(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// indexEntriesPerRecord scales a batch of records to a batch of index
// entries.
const indexEntriesPerRecord = 4

// forEachIndexEntry calls fn with the key of each record of def and each
// of its index entries that has a value.
func (tx *Tx) forEachIndexEntry(def *kindDef, fn func(key []byte, e indexEntry)) error {
	b, err := tx.bucket(def.bucket)
	if err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		entries, err := def.index(v)
		if err != nil {
			return fmt.Errorf("index %s %q: %w", def.bucket, k, err)
		}
		for _, e := range entries {
			if e.value != "" {
				fn(k, e)
			}
		}
		return nil
	})
}

// indexPut is one index entry to write.
type indexPut struct{ key, payload []byte }

// appendIndexPuts appends the index entries of the record bucket[key]
// whose value is raw.
func appendIndexPuts(dst []indexPut, def *kindDef, key string, raw []byte) ([]indexPut, error) {
	entries, err := def.index(raw)
	if err != nil {
		return dst, fmt.Errorf("index %s %q: %w", def.bucket, key, err)
	}
	for _, e := range entries {
		if e.value != "" {
			dst = append(dst, indexPut{idxKey(e.name, e.value, key), e.payload})
		}
	}
	return dst, nil
}

// putIndexSorted writes index entries in key order (bulk loads): bbolt
// keeps a bucket's new entries in memory until commit, and inserting into
// the middle of that run costs a copy of the run each time.
func (tx *Tx) putIndexSorted(puts []indexPut) error {
	sort.Slice(puts, func(i, j int) bool { return bytes.Compare(puts[i].key, puts[j].key) < 0 })
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return err
	}
	ib.FillPercent = 0.9
	for _, p := range puts {
		if err := ib.Put(p.key, p.payload); err != nil {
			return err
		}
	}
	return nil
}

// forEachRaw calls fn for every record of bucket whose key sorts after
// `after` ("" = from the start). Returning ErrStop ends the loop quietly.
func (tx *Tx) forEachRaw(bucket, after string, fn func(key string, raw []byte) error) error {
	b, err := tx.bucket(bucket)
	if err != nil {
		return err
	}
	c := b.Cursor()
	var k, v []byte
	if after == "" {
		k, v = c.First()
	} else {
		k, v = c.Seek([]byte(after))
		if k != nil && string(k) == after {
			k, v = c.Next()
		}
	}
	for ; k != nil; k, v = c.Next() {
		if err := fn(string(k), v); err != nil {
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// forEachDecoded decodes each record of bucket into a fresh T.
func forEachDecoded[T any](tx *Tx, bucket, after string, fn func(key string, v *T) error) error {
	return tx.forEachRaw(bucket, after, func(key string, raw []byte) error {
		v := new(T)
		if err := codec.Decode(raw, v); err != nil {
			return fmt.Errorf("decode %s %q: %w", bucket, key, err)
		}
		return fn(key, v)
	})
}

// countBucket returns the number of keys in a bucket.
func (tx *Tx) countBucket(name string) int {
	b := tx.btx.Bucket([]byte(name))
	if b == nil {
		return 0
	}
	return b.Stats().KeyN
}

// dataBucketNames lists every exported bucket present in the file, sorted.
func (tx *Tx) dataBucketNames() []string {
	var names []string
	_ = tx.btx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		n := string(name)
		if d, ok := tx.s.sch().kind(n); n != bucketMeta && n != bucketIndex && (!ok || !d.notExported) {
			names = append(names, n)
		}
		return nil
	})
	sort.Strings(names)
	return names
}

// Meta returns a value an area keeps in the tenant's meta bucket ("" when
// unset). Areas name their keys so that they cannot clash with the
// engine's (schemaVersion, clock, idSeed …). Resetting the tenant clears
// them, and exports leave them out.
func (tx *Tx) Meta(key string) string { return tx.metaGet(key) }

// SetMeta sets a value of the tenant's meta bucket (see Meta).
func (tx *Tx) SetMeta(key, value string) error { return tx.metaPut(key, value) }

// Reinitialize empties the tenant and starts it afresh as made from the
// named seed: the ID generator seeded with idSeed, the clock at clock, the
// tenant marked initialized. The seed then fills it in the same
// transaction.
func (tx *Tx) Reinitialize(seed, idSeed string, clock time.Time) error {
	if err := tx.wipe(); err != nil {
		return err
	}
	tx.state().idSeed = idSeed
	tx.setClock(clock)
	if err := tx.metaPut(metaSeed, seed); err != nil {
		return err
	}
	return tx.metaPut(metaInitialized, "true")
}

// wipe deletes every data bucket, the index and the meta state other than
// the schema version, then recreates the empty buckets.
func (tx *Tx) wipe() error { return tx.wipeExcept(nil) }

// wipeExcept is wipe, keeping the buckets named in keep.
func (tx *Tx) wipeExcept(keep map[string]bool) error {
	tx.touchedAll = true
	var names [][]byte
	_ = tx.btx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if !keep[string(name)] {
			names = append(names, append([]byte(nil), name...))
		}
		return nil
	})
	for _, n := range names {
		if err := tx.btx.DeleteBucket(n); err != nil {
			return err
		}
	}
	if err := tx.s.ensureBuckets(tx.btx); err != nil {
		return err
	}
	tx.metaRead = true
	tx.clock = DefaultClock()
	tx.idSeed = ""
	tx.idCounter = 0
	tx.timerSeq = 0
	tx.dirty = true
	return tx.metaPut(metaSchemaVersion, strconv.Itoa(tx.s.sch().Version()))
}
