package boltfile

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// compactTxSize bounds the transactions a compacting copy is written in.
const compactTxSize = 16 << 20

// Entry is one entry of an index bucket: its key and what it holds.
type Entry struct{ Key, Payload []byte }

// Source is a bucket of records an index bucket is derived from.
type Source struct {
	// Bucket is the records' bucket.
	Bucket string
	// Entries appends to dst the index entries of the record key whose
	// stored value is raw.
	Entries func(dst []Entry, key string, raw []byte) ([]Entry, error)
}

// Index says how a compacted copy writes its index bucket: not copied
// but written anew from the records of its sources, in key order.
type Index struct {
	// Bucket is the index bucket's name.
	Bucket string
	// Sources are the buckets whose records it indexes, in order.
	Sources []Source
}

// Compact writes a compact, synced copy of the bbolt file src to dst:
// each bucket's pages in one region of the file, no free pages but the
// hot region at its start, which the first write to dst fills (Touch).
// With an index, the index bucket is not copied but written anew from
// the records.
func Compact(src, dst string, index *Index) error {
	from, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := bolt.Open(dst, 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		return err
	}
	err = reserve(to)
	if err == nil {
		err = WhileDroppingPages(func() []*bolt.DB { return []*bolt.DB{from, to} }, func() error {
			if index == nil {
				return bolt.Compact(to, from, compactTxSize)
			}
			return compactIndexing(to, from, index)
		})
	}
	if err == nil {
		err = release(to)
	}
	if err == nil {
		err = to.Sync()
	}
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	return err
}

// compactIndexing copies every bucket of from but the index into the
// empty to, in key order with full pages, then writes the index entries
// of every record of the index's sources, sorted.
func compactIndexing(to, from *bolt.DB, index *Index) error {
	w := &appender{db: to}
	defer w.rollback()
	err := from.View(func(ftx *bolt.Tx) error {
		err := ftx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if string(name) == index.Bucket {
				return nil
			}
			if err := w.bucket(name, b.Sequence()); err != nil {
				return err
			}
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					return fmt.Errorf("bucket %s holds a bucket %q", name, k)
				}
				return w.put(k, v)
			})
		})
		if err != nil {
			return err
		}
		if err := w.bucket([]byte(index.Bucket), 0); err != nil {
			return err
		}
		return writeIndex(w, ftx, index.Sources)
	})
	if err != nil {
		return err
	}
	return w.commit()
}

// writeIndex appends the index entries of every record of the sources in
// ftx, in key order. The entries are kept in memory while they are sorted
// (a hundred thousand mailboxes have about a million, some 110 MB):
// appended in order, each goes at the end of the page being filled, where
// an entry inserted before others would move every entry after it. They
// are kept in blocks that are never copied, and the collector runs more
// often meanwhile, so the peak stays near their size.
func writeIndex(w *appender, ftx *bolt.Tx, sources []Source) error {
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	const blockSize = 4 << 20
	type entry struct{ blk, off, klen, plen uint32 }
	var blocks [][]byte
	var ents []entry
	var es []Entry
	for _, src := range sources {
		b := ftx.Bucket([]byte(src.Bucket))
		if b == nil {
			continue
		}
		err := b.ForEach(func(k, v []byte) error {
			var err error
			if es, err = src.Entries(es[:0], string(k), v); err != nil {
				return err
			}
			for _, e := range es {
				n := len(e.Key) + len(e.Payload)
				if n > blockSize {
					return fmt.Errorf("index %s %q: entry of %d bytes", src.Bucket, k, n)
				}
				if len(blocks) == 0 || len(blocks[len(blocks)-1])+n > blockSize {
					blocks = append(blocks, make([]byte, 0, blockSize))
				}
				last := &blocks[len(blocks)-1]
				ents = append(ents, entry{uint32(len(blocks) - 1), uint32(len(*last)), uint32(len(e.Key)), uint32(len(e.Payload))})
				*last = append(append(*last, e.Key...), e.Payload...)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	key := func(e entry) []byte { return blocks[e.blk][e.off : e.off+e.klen] }
	sort.Slice(ents, func(i, j int) bool { return bytes.Compare(key(ents[i]), key(ents[j])) < 0 })
	for _, e := range ents {
		if err := w.put(key(e), blocks[e.blk][e.off+e.klen:e.off+e.klen+e.plen]); err != nil {
			return err
		}
	}
	return nil
}

// appender writes key-value pairs into the buckets of a new file, each
// bucket's in key order, in transactions of up to compactTxSize bytes,
// filling every page (bbolt splits a page at its fill percent; appended
// keys never go back to a page once it is full).
type appender struct {
	db   *bolt.DB
	tx   *bolt.Tx
	name []byte
	b    *bolt.Bucket
	size int
}

// bucket creates the bucket name with sequence seq; put writes into it.
func (w *appender) bucket(name []byte, seq uint64) error {
	if err := w.begin(); err != nil {
		return err
	}
	b, err := w.tx.CreateBucket(name)
	if err != nil {
		return err
	}
	if err := b.SetSequence(seq); err != nil {
		return err
	}
	w.name, w.b = append([]byte(nil), name...), b
	w.b.FillPercent = 1.0
	return nil
}

func (w *appender) begin() error {
	if w.tx != nil {
		return nil
	}
	tx, err := w.db.Begin(true)
	if err != nil {
		return err
	}
	w.tx, w.size = tx, 0
	if w.name != nil {
		w.b = tx.Bucket(w.name)
		w.b.FillPercent = 1.0
	}
	return nil
}

func (w *appender) put(k, v []byte) error {
	if w.size > 0 && w.size+len(k)+len(v) > compactTxSize {
		if err := w.commit(); err != nil {
			return err
		}
		if err := w.begin(); err != nil {
			return err
		}
	}
	w.size += len(k) + len(v)
	return w.b.Put(k, v)
}

func (w *appender) commit() error {
	if w.tx == nil {
		return nil
	}
	tx := w.tx
	w.tx = nil
	return tx.Commit()
}

func (w *appender) rollback() {
	if w.tx != nil {
		_ = w.tx.Rollback()
		w.tx = nil
	}
}
