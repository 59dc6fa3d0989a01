package boltfile

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// writeSource writes a file shaped like a tenant: a large bucket of
// records, a small one of a few pages, and small buckets held inline in
// the root bucket's leaves, enough of them to need several leaves.
func writeSource(t *testing.T, path string, records int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		big, err := tx.CreateBucket([]byte("big"))
		if err != nil {
			return err
		}
		for i := range records {
			if err := big.Put(fmt.Appendf(nil, "k%07d", i), bytes.Repeat([]byte{byte(i)}, 90)); err != nil {
				return err
			}
		}
		small, err := tx.CreateBucket([]byte("small"))
		if err != nil {
			return err
		}
		for i := range 60 {
			if err := small.Put(fmt.Appendf(nil, "s%03d", i), bytes.Repeat([]byte{'s'}, 100)); err != nil {
				return err
			}
		}
		for i := range 40 {
			b, err := tx.CreateBucket(fmt.Appendf(nil, "inline%02d", i))
			if err != nil {
				return err
			}
			if err := b.Put([]byte("only"), bytes.Repeat([]byte{'i'}, 300)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// contents renders every bucket's records.
func contents(t *testing.T, db *bolt.DB) string {
	t.Helper()
	var out bytes.Buffer
	err := db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			fmt.Fprintf(&out, "%s %d\n", name, b.Sequence())
			return b.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&out, " %q=%x\n", k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// freelistPage reads the page of the freelist from the newer meta page.
func freelistPage(t *testing.T, path string, ps int) uint64 {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// after the page header: magic, version, page size, flags, the root
	// bucket (root, sequence), freelist, high-water mark, txid
	var best, txid uint64
	for i := range 2 {
		m := raw[i*ps+16:]
		if id := binary.LittleEndian.Uint64(m[48:]); i == 0 || binary.LittleEndian.Uint64(m[64:]) > txid {
			best, txid = id, binary.LittleEndian.Uint64(m[64:])
		}
	}
	return best
}

// After a compaction and its first write (Touch), the pages that write
// names lie in the hot region at the start of the file, beside the meta
// pages: the root bucket's, the pages of a seek, the top levels of a
// large bucket, a small bucket whole, the freelist. The file is a sound
// bbolt file holding what the source held.
func TestTouchPlacesHotPagesFirst(t *testing.T) {
	t.Parallel()
	index := &Index{Bucket: "idx", Sources: []Source{{Bucket: "big", Entries: func(dst []Entry, key string, raw []byte) ([]Entry, error) {
		return append(dst, Entry{Key: []byte("name\x00" + key), Payload: raw[:8]}), nil
	}}}}
	for _, tc := range []struct {
		name    string
		records int
		index   *Index
		seeks   []Seek
	}{
		{"copied", 30000, nil, []Seek{
			{Bucket: "big", Key: []byte("k0017000")}, {Bucket: "big", Key: []byte("k0029999")}, {Bucket: "small", Top: true},
			{Bucket: "big", Top: true}, // too wide: its root alone
		}},
		{"index written anew", 30000, index, []Seek{
			{Bucket: "idx", Key: []byte("name\x00k0021000")}, {Bucket: "idx", Top: true}, {Bucket: "big"}, {Bucket: "small", Top: true},
		}},
		{"small file", 20, nil, []Seek{{Bucket: "big", Key: []byte("k0000003")}, {Bucket: "small", Top: true}}},
		{"bucket missing", 20, nil, []Seek{{Bucket: "none", Key: []byte("x")}, {Bucket: "none", Top: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
			writeSource(t, src, tc.records)
			if err := Compact(src, dst, tc.index); err != nil {
				t.Fatal(err)
			}
			db, err := bolt.Open(dst, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			before := contents(t, db)
			if err := db.Update(func(tx *bolt.Tx) error { return Touch(tx, tc.seeks) }); err != nil {
				t.Fatal(err)
			}
			if after := contents(t, db); after != before {
				t.Error("Touch changed what the file holds")
			}
			err = db.View(func(tx *bolt.Tx) error {
				for err := range tx.Check() {
					t.Errorf("bbolt check: %v", err)
				}
				for _, s := range append([]Seek{{Top: true}}, tc.seeks...) {
					pages, err := SeekPages(tx, s)
					if err != nil {
						return err
					}
					for _, p := range pages {
						if p >= HotRegionPages {
							t.Errorf("%+v: page %d of %v lies beyond the hot region", s, p, pages)
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if p := freelistPage(t, dst, db.Info().PageSize); p >= HotRegionPages {
				t.Errorf("the freelist is on page %d, beyond the hot region", p)
			}
		})
	}
}
