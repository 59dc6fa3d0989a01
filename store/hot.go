package store

import "github.com/exosim/exosim/store/boltfile"

// HotRead names what nearly every command reads of a tenant before its
// own work (the organization, the caller's account and role groups, the
// top of the index): a compacted tenant file keeps the pages of these
// reads together in its first 64 KB windows, beside the file's header,
// so a command maps a few windows for them instead of one each.
type HotRead struct {
	// Bucket and Key name a record; with Key "" the bucket's root page
	// alone.
	Bucket, Key string
	// Top: the bucket's top two levels of pages (a small bucket read
	// whole, or the branches of a large one every look-up passes).
	Top bool
	// Index and Value name the look-up of a value in an index
	// (LookupIndexEntries), instead of Bucket.
	Index, Value string
}

// Hot adds fn, which names reads nearly every command of a tenant makes
// (HotRead), to those a compacted file keeps together.
func (s *Schema) Hot(fn func(tx *Tx) ([]HotRead, error)) { s.hot = append(s.hot, fn) }

// HotSeeks returns the pages the reads the schema names hot read, as
// seeks of the bbolt file under tx.
func (tx *Tx) HotSeeks() ([]boltfile.Seek, error) {
	// every index look-up passes the index's top two levels
	seeks := []boltfile.Seek{{Bucket: bucketIndex, Top: true}}
	for _, fn := range tx.s.sch().hot {
		reads, err := fn(tx)
		if err != nil {
			return nil, err
		}
		for _, r := range reads {
			seek := boltfile.Seek{Bucket: r.Bucket, Top: r.Top}
			switch {
			case r.Index != "":
				seek.Bucket = bucketIndex
				seek.Key = indexPrefix(r.Index, r.Value)
			case r.Key != "":
				seek.Key = []byte(r.Key)
			}
			seeks = append(seeks, seek)
		}
	}
	return seeks, nil
}

// WriteHot makes the first write to the compacted tenant file at path,
// which only this process knows of (a replacement being built): it
// rewrites, unchanged, the pages of the reads the schema names hot, and
// bbolt places them in the file's hot region (boltfile.Touch). The file
// is synced.
func WriteHot(path string, schema *Schema) error {
	s, err := OpenReplacement(path, schema)
	if err != nil {
		return err
	}
	err = s.Update(func(tx *Tx) error {
		seeks, err := tx.HotSeeks()
		if err != nil {
			return err
		}
		return boltfile.Touch(tx.btx, seeks)
	})
	if err == nil {
		var db interface{ Sync() error }
		var release func()
		if db, release, err = s.hold(); err == nil {
			err = db.Sync()
			release()
		}
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}
