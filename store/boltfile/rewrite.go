package boltfile

import bolt "go.etcd.io/bbolt"

// Rewrite calls fn with the key and stored value of each record of a
// bucket in key order, and writes back in place of the record the value
// fn returns (nil: the record stays as it is), limit records at a time:
// it opens the bucket (open), reads up to limit records, tells changed
// when it is about to write some, writes back their new values after the
// scan (bbolt cursors must not see their bucket change under them), calls
// checkpoint when it wrote any (the caller may commit there: bucket
// handles are opened again for the next batch) and goes on after the
// last key read.
func Rewrite(open func() (*bolt.Bucket, error), limit int, fn func(key, raw []byte) ([]byte, error), changed func(), checkpoint func() error) error {
	var after []byte
	type rec struct{ k, v []byte }
	for {
		b, err := open()
		if err != nil {
			return err
		}
		var recs []rec
		n, c := 0, b.Cursor()
		key, raw := first(c, after)
		for ; key != nil && n < limit; key, raw = c.Next() {
			n++
			after = append(after[:0], key...)
			if raw == nil {
				continue // a nested bucket
			}
			v, err := fn(key, raw)
			if err != nil {
				return err
			}
			if v != nil {
				recs = append(recs, rec{append([]byte(nil), key...), v})
			}
		}
		if len(recs) > 0 {
			changed()
		}
		for _, r := range recs {
			if err := b.Put(r.k, r.v); err != nil {
				return err
			}
		}
		if key == nil {
			return nil
		}
		if len(recs) > 0 {
			if err := checkpoint(); err != nil {
				return err
			}
		}
	}
}
