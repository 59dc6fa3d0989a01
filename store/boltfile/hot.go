package boltfile

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// HotRegionPages is the size of the hot region of a compacted file: its
// first pages, after the two meta pages every open reads, kept free while
// the copy is written (held by reserve buckets, then freed) for the first
// write to the file to fill (Touch). bbolt gives a write the lowest free
// pages, so what that write rewrites lands there, in the 64 KB windows
// of the file's header (the kernel maps a file's pages 64 KB at a time:
// pages read together cost one fault). The region is a window larger
// than what Touch writes needs: the later writes that rewrite hot pages
// (the root bucket's, the freelist) place them in the room left, and
// the pages they free there are the lowest the next write takes, so the
// hot pages stay in the region as the tenant changes.
const HotRegionPages = 48

// The reserve buckets: no tenant bucket's name starts with a NUL byte.
var reserveBuckets = [2][]byte{[]byte("\x00hot"), []byte("\x00hot2")}

// reserve makes the first free pages of the new, empty db the hot
// region: a value of one bucket spans the pages after the ones bbolt
// made the file with, a value of a second one spans the pages those
// leave free once the first commit has freed them.
func reserve(db *bolt.DB) error {
	ps := db.Info().PageSize
	hw := 0
	if err := db.View(func(tx *bolt.Tx) error {
		hw = int(tx.Size()) / ps
		return nil
	}); err != nil {
		return err
	}
	put := func(name []byte, pages int) error {
		if pages <= 0 {
			return nil
		}
		return db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket(name)
			if err != nil {
				return err
			}
			// one element filling the pages: the page header, the
			// element's header and its one-byte key come first
			return b.Put([]byte{0}, make([]byte, pages*ps-16-16-1))
		})
	}
	if err := put(reserveBuckets[0], HotRegionPages-hw); err != nil {
		return err
	}
	st := db.Stats()
	return put(reserveBuckets[1], st.FreePageN+st.PendingPageN)
}

// release deletes the reserve buckets of db, freeing the hot region.
func release(db *bolt.DB) error {
	return db.Update(func(tx *bolt.Tx) error {
		for _, name := range reserveBuckets {
			if tx.Bucket(name) == nil {
				continue
			}
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return nil
	})
}

// Seek names pages of a bucket read by nearly every command.
type Seek struct {
	// Bucket is the bucket's name.
	Bucket string
	// Key: the pages a seek of Key reads (from the bucket's root to the
	// leaf of the first key at or after Key); nil: the root page alone.
	Key []byte
	// Top: the pages of the bucket's top two levels, its root and each
	// of its children (a small bucket read whole, or a large one's
	// branches every seek passes), with the first leaf under each; of a
	// root with more than maxTopChildren children, the root alone.
	Top bool
}

// maxTopChildren bounds the children a Top seek rewrites with its root:
// each brings the first path under it, and a few wide buckets would
// fill the hot region.
const maxTopChildren = 4

// Touch rewrites, in btx, the root bucket's pages and those seeks names,
// unchanged: a write places every page it rewrites anew, and the first
// write to a compacted file places them in its hot region, together.
// btx must be the first write transaction of the compacted file.
func Touch(btx *bolt.Tx, seeks []Seek) error {
	f, err := os.Open(btx.DB().Path())
	if err != nil {
		return err
	}
	defer f.Close()
	ps := btx.DB().Info().PageSize
	// The root bucket: its leaves hold the small buckets and the headers
	// of the others, and Open reads them all. A bucket whose sequence is
	// set is rewritten with its header, in the leaf that holds it.
	heads, err := childKeys(f, ps, uint64(btx.Cursor().Bucket().Root()))
	if err != nil {
		return err
	}
	for _, name := range heads {
		if b := btx.Bucket(name); b != nil {
			if err := b.SetSequence(b.Sequence()); err != nil {
				return err
			}
		}
	}
	for _, s := range seeks {
		b := btx.Bucket([]byte(s.Bucket))
		if b == nil {
			continue
		}
		// a page rewritten unchanged fits where it was
		b.FillPercent = 1.0
		if err := b.SetSequence(b.Sequence()); err != nil {
			return err
		}
		keys := [][]byte{s.Key}
		if s.Key == nil {
			keys = nil
		}
		if s.Top {
			top, err := childKeys(f, ps, uint64(b.Root()))
			if err != nil {
				return err
			}
			if len(top) <= maxTopChildren {
				keys = append(keys, top...)
			}
		}
		for _, key := range keys {
			k, v := b.Cursor().Seek(key)
			if k == nil || v == nil {
				continue
			}
			if err := b.Put(bytes.Clone(k), bytes.Clone(v)); err != nil {
				return err
			}
		}
	}
	return nil
}

// page is what the hot region's work reads of a page: its kind and,
// for each element, its key and (a branch page's) child page.
type page struct {
	branch   bool
	keys     [][]byte
	children []uint64
}

// readPage reads page id of f, whose pages are ps bytes long.
func readPage(f *os.File, ps int, id uint64) (page, error) {
	var pg page
	p := make([]byte, ps)
	if _, err := f.ReadAt(p, int64(id)*int64(ps)); err != nil {
		return pg, err
	}
	const (
		branchPage = 0x01
		leafPage   = 0x02
		header     = 16 // the page header; each element's header is as long
	)
	flags := binary.LittleEndian.Uint16(p[8:])
	count := int(binary.LittleEndian.Uint16(p[10:]))
	switch {
	case flags&branchPage != 0:
		pg.branch = true
	case flags&leafPage == 0:
		return pg, fmt.Errorf("page %d: neither a branch nor a leaf", id)
	}
	for i := range count {
		e := header + header*i
		if e+header > len(p) {
			return pg, fmt.Errorf("page %d: element %d beyond the page", id, i)
		}
		// a branch element: key offset, key size, child page; a leaf
		// element: flags, key offset, key size, value size
		pos, ksize := binary.LittleEndian.Uint32(p[e+4:]), binary.LittleEndian.Uint32(p[e+8:])
		if pg.branch {
			pos, ksize = binary.LittleEndian.Uint32(p[e:]), binary.LittleEndian.Uint32(p[e+4:])
			pg.children = append(pg.children, binary.LittleEndian.Uint64(p[e+8:]))
		}
		k := e + int(pos)
		if k+int(ksize) > len(p) {
			return pg, fmt.Errorf("page %d: key %d beyond the page", id, i)
		}
		pg.keys = append(pg.keys, bytes.Clone(p[k:k+int(ksize)]))
	}
	return pg, nil
}

// childKeys returns the first key of each child of page id of f (a
// branch page), or its own first key (a leaf page).
func childKeys(f *os.File, ps int, id uint64) ([][]byte, error) {
	if id == 0 {
		return nil, nil
	}
	pg, err := readPage(f, ps, id)
	if err != nil || pg.branch {
		return pg.keys, err
	}
	return pg.keys[:min(len(pg.keys), 1)], nil
}

// SeekPages returns the pages of btx's file that s names, in the order a
// look-up reads them (a Bucket "" is the root bucket, which holds the
// others); for tests and tools that check where they lie.
func SeekPages(btx *bolt.Tx, s Seek) ([]uint64, error) {
	b := btx.Cursor().Bucket()
	if s.Bucket != "" {
		b = btx.Bucket([]byte(s.Bucket))
	}
	if b == nil || b.Root() == 0 {
		return nil, nil
	}
	f, err := os.Open(btx.DB().Path())
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ps := btx.DB().Info().PageSize
	root := uint64(b.Root())
	out := []uint64{root}
	// descend from id towards key, as bbolt's seek does: into the last
	// child whose first key is at or before key
	var descend func(id uint64, key []byte) error
	descend = func(id uint64, key []byte) error {
		pg, err := readPage(f, ps, id)
		if err != nil || !pg.branch {
			return err
		}
		i := 0
		for i+1 < len(pg.keys) && bytes.Compare(pg.keys[i+1], key) <= 0 {
			i++
		}
		out = append(out, pg.children[i])
		return descend(pg.children[i], key)
	}
	if s.Key != nil {
		if err := descend(root, s.Key); err != nil {
			return nil, err
		}
	}
	if s.Top {
		pg, err := readPage(f, ps, root)
		if err != nil {
			return nil, err
		}
		if len(pg.children) <= maxTopChildren {
			out = append(out, pg.children...)
		}
	}
	return out, nil
}
