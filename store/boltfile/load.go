package boltfile

import (
	"bytes"
	"os"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Loader writes records into a database in transactions of about Limit
// bytes each: a load of any size holds one batch of changes in memory
// (bbolt keeps a transaction's changes until it commits). Records come
// bucket by bucket, each bucket's in key order.
type Loader struct {
	DB *bolt.DB
	// Limit is the size of a batch, in bytes of keys and values.
	Limit int
	// Open returns the bucket a record of name goes to in btx.
	Open func(btx *bolt.Tx, name string) (*bolt.Bucket, error)
	// Put stores one record in b, the bucket of name.
	Put func(b *bolt.Bucket, name, key string, raw []byte) error

	btx     *bolt.Tx
	cur     *bolt.Bucket
	curName string
	size    int
}

// Add writes the record key of bucket, committing the batch it fills.
func (l *Loader) Add(bucket, key string, raw []byte) error {
	if l.btx == nil {
		var err error
		if l.btx, err = l.DB.Begin(true); err != nil {
			return err
		}
	}
	if l.cur == nil || bucket != l.curName {
		b, err := l.Open(l.btx, bucket)
		if err != nil {
			return err
		}
		l.cur, l.curName = b, bucket
		// Records come in key order: fill the pages densely.
		l.cur.FillPercent = 0.9
	}
	if err := l.Put(l.cur, bucket, key, raw); err != nil {
		return err
	}
	if l.size += len(key) + len(raw); l.size >= l.Limit {
		return l.Commit()
	}
	return nil
}

// Commit commits the batch being written.
func (l *Loader) Commit() error {
	if l.btx == nil {
		return nil
	}
	err := l.btx.Commit()
	l.btx, l.cur, l.size = nil, nil, 0
	return err
}

// Rollback drops the batch being written.
func (l *Loader) Rollback() {
	if l.btx != nil {
		_ = l.btx.Rollback()
		l.btx, l.cur, l.size = nil, nil, 0
	}
}

// IndexInBatches writes into the bucket index of db the index entries of
// every record of the sources, batch records per transaction, each
// batch's entries in key order.
func IndexInBatches(db *bolt.DB, index string, sources []Source, batch int) error {
	for _, src := range sources {
		var after []byte
		for {
			done := false
			err := db.Update(func(btx *bolt.Tx) error {
				b := btx.Bucket([]byte(src.Bucket))
				ib := btx.Bucket([]byte(index))
				if b == nil || ib == nil {
					done = true
					return nil
				}
				c := b.Cursor()
				k, v := first(c, after)
				var puts []Entry
				n := 0
				for ; k != nil && n < batch; k, v = c.Next() {
					var err error
					if puts, err = src.Entries(puts, string(k), v); err != nil {
						return err
					}
					after = append(after[:0], k...)
					n++
				}
				done = k == nil
				sort.Slice(puts, func(i, j int) bool { return bytes.Compare(puts[i].Key, puts[j].Key) < 0 })
				for _, p := range puts {
					if err := ib.Put(p.Key, p.Payload); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			if done {
				break
			}
		}
	}
	return nil
}

// CopyBucket copies bucket, records and sequence as they are, from the
// database view reads into db (a database being built that has no such
// bucket yet), in batches of about limit bytes.
func CopyBucket(view func(fn func(btx *bolt.Tx) error) error, db *bolt.DB, bucket string, limit int) error {
	var after []byte
	for {
		var batch [][2][]byte
		var seq uint64
		err := view(func(btx *bolt.Tx) error {
			b := btx.Bucket([]byte(bucket))
			if b == nil {
				return nil
			}
			seq = b.Sequence()
			c := b.Cursor()
			k, v := first(c, after)
			size := 0
			for ; k != nil && size < limit; k, v = c.Next() {
				batch = append(batch, [2][]byte{append([]byte(nil), k...), append([]byte(nil), v...)})
				size += len(k) + len(v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = db.Update(func(btx *bolt.Tx) error {
			b, err := btx.CreateBucketIfNotExists([]byte(bucket))
			if err != nil {
				return err
			}
			b.FillPercent = 0.9
			for _, kv := range batch {
				if err := b.Put(kv[0], kv[1]); err != nil {
					return err
				}
			}
			return b.SetSequence(seq)
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		after = batch[len(batch)-1][0]
	}
}

// WriteFile writes data (a copy of a database) to a new file, synced
// when sync is set.
func WriteFile(path string, data []byte, sync bool) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if sync {
		if err := f.Sync(); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// first moves c to the first key after `after` (nil: the bucket's first
// key) and returns it with its value.
func first(c *bolt.Cursor, after []byte) (k, v []byte) {
	if after == nil {
		return c.First()
	}
	k, v = c.Seek(after)
	if k != nil && bytes.Equal(k, after) {
		k, v = c.Next()
	}
	return k, v
}
