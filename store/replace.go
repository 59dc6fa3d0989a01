package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/tenantfile"
)

// compactTxSize bounds the transactions a compacting copy is written in.
const compactTxSize = 16 << 20

// Rebuild replaces the tenant file at path with a new one, as a single
// step for every other process (see lock.go): it takes the tenant's
// exclusive lock, waiting as Open does, and keeps it to the end. build
// gets the current tenant (nil when there is no tenant file yet, or it is
// empty) and the new tenant, an empty file beside it that only this
// process knows of, written without a sync per commit. When build
// succeeds the new file is compacted (each bucket's pages in one region
// of the file, no free pages), synced, and renamed over the tenant file
// (over a symbolic link's target, not the link). When build fails, or the
// process dies, the tenant file is left as it was; a killed rebuild's
// temporary files are removed by the next process that opens the tenant
// for writing.
func Rebuild(path string, o Options, build func(old, fresh *Store) error) error {
	if path == "" {
		return errors.New("tenant file path is empty")
	}
	real, err := tenantfile.Resolve(path)
	if err != nil {
		return err
	}
	timeout := o.LockTimeout
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		return fmt.Errorf("create directory for tenant file %q: %w", path, err)
	}
	lk, err := tenantfile.Acquire(real, true, timeout)
	if errors.Is(err, tenantfile.ErrBusy) {
		return &LockedError{Path: path, Waited: max(timeout, 0), Holders: tenantfile.Holders(real)}
	}
	if err != nil {
		return err
	}
	defer lk.Release()
	lk.RecordHolder()
	tenantfile.RemoveStale(real)

	var old *Store
	if fi, err := os.Stat(real); err == nil && fi.Size() > 0 {
		old, err = Open(path, Options{LockTimeout: timeout, borrowed: lk, Schema: o.Schema})
		if err != nil {
			return err
		}
		defer old.Close()
	} else if err == nil && !fi.Mode().IsRegular() {
		return &NotTenantError{Path: path, Reason: "it is not a regular file"}
	}
	tmp := fmt.Sprintf("%s%s%d", real, tenantfile.BuildInfix, os.Getpid())
	compacted := tmp + ".compact"
	defer os.Remove(tmp)
	defer os.Remove(compacted)
	fresh, err := Open(tmp, Options{NoSync: true, private: true, Schema: o.Schema})
	if err != nil {
		return err
	}
	if err := build(old, fresh); err != nil {
		fresh.Close()
		return err
	}
	var index *Schema
	if fresh.indexLater.Load() {
		index = o.Schema
	}
	if err := fresh.Close(); err != nil {
		return err
	}
	if err := compactFile(tmp, compacted, index); err != nil {
		return fmt.Errorf("compact tenant %q: %w", path, err)
	}
	_ = os.Remove(tmp)
	if old != nil {
		if err := old.Close(); err != nil {
			return err
		}
	}
	if err := os.Rename(compacted, real); err != nil {
		return fmt.Errorf("replace tenant %q: %w", path, err)
	}
	return tenantfile.SyncDir(filepath.Dir(real))
}

// compactFile writes a compact, synced copy of the bbolt file src to dst.
// With a schema, the index bucket is not copied but written anew from the
// records (see BulkWriter.Flush).
func compactFile(src, dst string, index *Schema) error {
	from, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := bolt.Open(dst, 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		return err
	}
	err = whileDroppingPages(func() []*bolt.DB { return []*bolt.DB{from, to} }, func() error {
		if index == nil {
			return bolt.Compact(to, from, compactTxSize)
		}
		return compactIndexing(to, from, index)
	})
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
// of every record of the schema's indexed kinds, a kind's entries sorted.
func compactIndexing(to, from *bolt.DB, schema *Schema) error {
	w := &appender{db: to}
	defer w.rollback()
	err := from.View(func(ftx *bolt.Tx) error {
		err := ftx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if string(name) == bucketIndex {
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
		if err := w.bucket([]byte(bucketIndex), 0); err != nil {
			return err
		}
		return writeIndex(w, ftx, schema)
	})
	if err != nil {
		return err
	}
	return w.commit()
}

// writeIndex appends the index entries of every record of the schema's
// indexed kinds in ftx, in key order. The entries are kept in memory
// while they are sorted (a hundred thousand mailboxes have about a
// million, some 110 MB): appended in order, each goes at the end of the
// page being filled, where an entry inserted before others would move
// every entry after it. They are kept in blocks that are never copied,
// and the collector runs more often meanwhile, so the peak stays near
// their size.
func writeIndex(w *appender, ftx *bolt.Tx, schema *Schema) error {
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	const blockSize = 4 << 20
	type entry struct{ blk, off, klen, plen uint32 }
	var blocks [][]byte
	var ents []entry
	for _, r := range schema.kinds {
		def := r.def()
		b := ftx.Bucket([]byte(def.bucket))
		if def.index == nil || b == nil {
			continue
		}
		err := b.ForEach(func(k, v []byte) error {
			es, err := def.index(v)
			if err != nil {
				return fmt.Errorf("index %s %q: %w", def.bucket, k, err)
			}
			for _, e := range es {
				if e.value == "" {
					continue
				}
				key := idxKey(e.name, e.value, string(k))
				n := len(key) + len(e.payload)
				if n > blockSize {
					return fmt.Errorf("index %s %q: entry of %d bytes", def.bucket, k, n)
				}
				if len(blocks) == 0 || len(blocks[len(blocks)-1])+n > blockSize {
					blocks = append(blocks, make([]byte, 0, blockSize))
				}
				last := &blocks[len(blocks)-1]
				ents = append(ents, entry{uint32(len(blocks) - 1), uint32(len(*last)), uint32(len(key)), uint32(len(e.payload))})
				*last = append(append(*last, key...), e.payload...)
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
