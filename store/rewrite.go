package store

import "fmt"

// RewriteAll reads every record of the kind and writes back the ones fn
// changed, re-encoded, and every record stored in an older form (a CBOR
// map keyed by the json field names, written before T had numbered cbor
// keys), which it decodes first. fn gets the key and the decoded record
// and reports whether it changed it. The records are written after the
// scan and without touching the indexes: a migration that changes indexed
// values writes the index entries it needs (WriteIndexEntries).
func (k *Kind[T]) RewriteAll(tx *Tx, fn func(key string, v *T) (bool, error)) error {
	b, err := tx.bucket(k.def.bucket)
	if err != nil {
		return err
	}
	type rec struct{ k, v []byte }
	var changed []rec
	err = b.ForEach(func(key, raw []byte) error {
		v := new(T)
		legacy := isTextKeyedMap(raw)
		if legacy {
			err = decodeTextKeyed(raw, v)
		} else {
			err = k.Decode(raw, v)
		}
		if err != nil {
			return fmt.Errorf("%s %q: %w", k.def.name, key, err)
		}
		ch, err := fn(string(key), v)
		if err != nil {
			return err
		}
		if !legacy && !ch {
			return nil
		}
		out, err := encodeValue(v)
		if err != nil {
			return err
		}
		changed = append(changed, rec{append([]byte(nil), key...), out})
		return nil
	})
	if err != nil {
		return err
	}
	if len(changed) > 0 {
		tx.touch(k.def.bucket)
	}
	for _, r := range changed { // after the scan: bbolt cursors must not see their bucket change under them
		if err := b.Put(r.k, r.v); err != nil {
			return err
		}
	}
	return nil
}

// WriteIndexEntries writes the index entries of every record that keep
// accepts, by index name and whether the entry is covering (carries the
// record), in key order: a migration that adds an index, or changes what
// one keeps, writes its entries with it.
func (tx *Tx) WriteIndexEntries(keep func(name string, covering bool) bool) error {
	puts, err := tx.collectIndexPuts(func(e indexEntry) bool { return keep(e.name, e.payload != nil) })
	if err != nil {
		return err
	}
	return tx.putIndexSorted(puts)
}
