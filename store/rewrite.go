package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/boltfile"
	"github.com/exosim/exosim/store/codec"
)

// RewriteAll reads every record of the kind and writes back the ones fn
// changed, re-encoded, and every record stored in an older form (a CBOR
// map keyed by the json field names, written before T had numbered cbor
// keys), which it decodes first. fn gets the key and the decoded record
// and reports whether it changed it. The records are written after the
// scan and without touching the indexes: a migration that changes indexed
// values writes the index entries it needs (WriteIndexEntries). In a
// migration Open runs it works a batch of records at a time, each batch
// committed (Tx.Checkpoint): running it again over records it already
// rewrote gives the same records, so a migration cut short is simply run
// again.
func (k *Kind[T]) RewriteAll(tx *Tx, fn func(key string, v *T) (bool, error)) error {
	return tx.rewriteBucket(k.def().bucket, func(key, raw []byte) ([]byte, error) {
		v := new(T)
		legacy := codec.IsTextKeyedMap(raw)
		var err error
		if legacy {
			err = codec.DecodeTextKeyed(raw, v)
		} else {
			err = k.Decode(raw, v)
		}
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", k.def().name, key, err)
		}
		ch, err := fn(string(key), v)
		if err != nil || !legacy && !ch {
			return nil, err
		}
		return codec.Encode(v)
	})
}

// rewriteBucket calls fn with the key and stored value of each record of
// bucket in key order, and writes back in place of the record the value
// fn returns (nil: the record stays as it is). It works a batch of
// records at a time: it reads up to a batch, writes back the new values
// after the scan (bbolt cursors must not see their bucket change under
// them), commits them (Tx.Checkpoint) and goes on after the last key
// read. A migration that uses it must give the same records when run over
// its own output, so that one cut short is simply run again.
func (tx *Tx) rewriteBucket(bucket string, fn func(key, raw []byte) ([]byte, error)) error {
	open := func() (*bolt.Bucket, error) { return tx.bucket(bucket) }
	return boltfile.Rewrite(open, tx.batchSize(), fn, func() { tx.touch(bucket) }, tx.Checkpoint)
}

// WriteIndexEntries writes the index entries of every record that keep
// accepts, by index name and whether the entry is covering (carries the
// record), in key order: a migration that adds an index, or changes what
// one keeps, writes its entries with it.
func (tx *Tx) WriteIndexEntries(keep func(name string, covering bool) bool) error {
	return tx.writeIndexes(func(e indexEntry) bool { return keep(e.name, e.payload != nil) })
}
