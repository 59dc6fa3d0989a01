package store

import (
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/boltfile"
	"github.com/exosim/exosim/store/codec"
)

// BulkWriter collects the new records of a bulk load and writes them per
// bucket in key order, with their index entries sorted too. bbolt splits
// nodes only at commit, so inserting many random keys into one node costs
// a memmove each; appending in order does not.
type BulkWriter struct {
	tx   *Tx
	recs map[string][]bulkRecord
}

type bulkRecord struct {
	key string
	raw []byte
}

// BulkWriter returns a bulk writer of the records of tx.
func (tx *Tx) BulkWriter() *BulkWriter {
	return &BulkWriter{tx: tx, recs: map[string][]bulkRecord{}}
}

// PutBulk adds v under key to w; Flush writes it.
func (k *Kind[T]) PutBulk(w *BulkWriter, key string, v *T) error {
	return w.put(k.def().bucket, key, v)
}

// put encodes v for bucket[key].
func (w *BulkWriter) put(bucket, key string, v any) error {
	raw, err := codec.Encode(v)
	if err != nil {
		return fmt.Errorf("encode %s %q: %w", bucket, key, err)
	}
	w.recs[bucket] = append(w.recs[bucket], bulkRecord{key, raw})
	return nil
}

// Flush writes what PutBulk collected. A key that already exists goes
// through the ordinary path, which replaces its index entries.
//
// In a replacement being built (transfer.Rebuild) the new records' index entries
// are not written: a bulk load's entries land on random pages of the
// index, so each batch would rewrite most of its pages, which is most of
// the time and the writing of a large build. Rebuild writes the whole
// index in key order while it compacts the file instead. Until then the
// index knows only the records written the ordinary way, so a build must
// not look up the records it loaded in bulk through the index.
func (w *BulkWriter) Flush() error {
	later := w.tx.s.opts.private
	if later {
		w.tx.s.indexLater.Store(true)
	}
	names := make([]string, 0, len(w.recs))
	for n := range w.recs {
		names = append(names, n)
	}
	sort.Strings(names)
	var idx []indexPut
	for _, name := range names {
		recs := w.recs[name]
		sort.Slice(recs, func(i, j int) bool { return recs[i].key < recs[j].key })
		b, err := w.tx.bucket(name)
		if err != nil {
			return err
		}
		def, _ := w.tx.s.sch().kind(name)
		for _, r := range recs {
			if b.Get([]byte(r.key)) != nil {
				if err := w.tx.putRaw(name, r.key, r.raw); err != nil {
					return err
				}
				continue
			}
			w.tx.touch(name)
			if err := b.Put([]byte(r.key), r.raw); err != nil {
				return err
			}
			if later || def == nil || def.index == nil {
				continue
			}
			if idx, err = appendIndexPuts(idx, def, r.key, r.raw); err != nil {
				return err
			}
		}
	}
	if err := w.tx.putIndexSorted(idx); err != nil {
		return err
	}
	w.recs = map[string][]bulkRecord{}
	return nil
}

// Batched runs fn, a bulk load that commits several write transactions,
// with the tenant file held open and without a sync per commit; it syncs
// once at the end. A bulk build does not need each batch on disk before
// the next one: a crash during it leaves a tenant to rebuild, as with any
// interrupted init.
func (s *Store) Batched(fn func() error) error {
	db, release, err := s.hold()
	if err != nil {
		return err
	}
	defer release()
	if !db.NoSync {
		db.NoSync = true
		defer func() { db.NoSync = false }()
	}
	// The pages a build writes and reads stay mapped: dropped now and
	// then, they do not add up to the size of the file in the process's
	// memory (they stay in the page cache).
	if err := boltfile.WhileDroppingPages(func() []*bolt.DB { return []*bolt.DB{db} }, fn); err != nil {
		return err
	}
	return db.Sync()
}
