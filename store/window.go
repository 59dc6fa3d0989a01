package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store/recordmap"
)

// Window is a run of an index's entries with copies of the records they
// name, read by Kind.ReadWindow in one transaction and used after it
// ends: a listing that writes its objects between transactions reads a
// large run of records at once, in the order of the file, rather than
// searching for each one in the order of the index.
type Window struct {
	ents []byte // the entries in their stored form (see walkIndex), one after another
	ends []int  // entry i ends at ents[ends[i]], and starts where entry i-1 ends
	// recs[i] is a copy of entry i's record, "" when it has none (a
	// record is never empty): each its own, so that a reader may keep one
	// after the window is read again, and decode from it without another
	// copy
	recs []string
	// buf, when not nil, holds this window's records one after another
	// in the order of the entries (recs are parts of it), so that a
	// reader going through them in that order reads memory in order; at
	// is where entry i's record goes in it. A window read anew makes a
	// new buf: the records of the last are their readers'.
	buf   []byte
	at    []int
	order []recordmap.Entry // the entries in the order of their record keys
	sort  recordmap.Sorter
	// BuildMin, when above 0, is the fewest entries for which a window
	// walks the whole bucket, in place of buildMin (tests of the walk
	// lower it).
	BuildMin int
	// places is where the records of the bucket lie in the mapped file,
	// found by the walk of the whole bucket of an earlier window; the next
	// windows copy their records from there while the file is as it was.
	places recordmap.Map
}

// placesState names the state of the file a recordmap.Map of a bucket
// holds in: a committed bbolt transaction of a Store's file.
type placesState struct {
	s      *Store
	db     *bolt.DB
	bucket string
	gen    uint64
	txid   int
}

func stateOf(tx *Tx, bucket string) placesState {
	return placesState{tx.s, tx.s.db, bucket, tx.s.Generation(), tx.btx.ID()}
}

// nearSteps is how far ReadWindow steps a cursor forward to reach the
// next key before it searches for it from the root instead.
const nearSteps = 32

// buildMin is the fewest entries a window walks the whole bucket for (to
// note where its records lie): fewer are searched for with a cursor,
// which reads a few pages for each rather than every page of the bucket.
const buildMin = 5000

// windowRelease is how many records ReadWindow copies between checks of
// the mapped pages it walked against their budget (BoundMappedPages).
const windowRelease = 2000

// ReadWindow reads into w, replacing what it held, the next n entries of
// index name after the entry after ("" starts at the first; an entry as
// Tx.WalkIndex gives it), and a copy of the record each one names (none
// when the record is missing). The records are read in key order with one
// cursor, stepping forward to a near key and searching only for a far
// one, so reading a large share of the kind costs about one walk of its
// pages in file order. When the kind's keys are all GUIDs, a window of
// buildMin entries or more walks the whole bucket instead and notes where
// each record lies in the mapped file; later windows read into the same
// w copy their records from there, without walking the bucket again,
// while no transaction has committed since. The pages walked are
// released as it goes once they pass their budget (BoundMappedPages), so
// the resident set stays bounded. Fewer than n entries means the index
// has no more.
func (k *Kind[T]) ReadWindow(tx *Tx, name, after string, n int, w *Window) error {
	clear(w.recs) // the records of the last window are their readers' now
	w.buf = nil
	w.ents, w.ends, w.recs, w.order = w.ents[:0], w.ends[:0], w.recs[:0], w.order[:0]
	var skip []byte
	if after != "" {
		skip = indexSeek(nil, after)
	}
	err := tx.walkIndex(name, after, func(entry, _ []byte) error {
		if skip != nil && bytes.Equal(entry, skip) {
			return nil
		}
		if len(w.ends) == n {
			return ErrStop
		}
		w.ents = append(w.ents, entry...)
		w.ends = append(w.ends, len(w.ents))
		w.recs = append(w.recs, "")
		return nil
	})
	if err != nil || len(w.ends) == 0 {
		return err
	}
	b := tx.btx.Bucket([]byte(k.def().bucket))
	if b == nil {
		if k.def().onWrite {
			return nil // created by its first record
		}
		return fmt.Errorf("tenant file has no %q bucket", k.def().bucket)
	}
	for i := range w.ends {
		key, ok := w.key(i)
		if !ok {
			continue // not an entry of a record
		}
		o := recordmap.Entry{At: int32(i), Other: true}
		if len(key) == 17 && key[0] == guidKeyMarker {
			o.Hi, o.Lo, o.Other = binary.BigEndian.Uint64(key[1:9]), binary.BigEndian.Uint64(key[9:]), false
		}
		w.order = append(w.order, o)
	}
	allGuid := true
	for _, o := range w.order {
		allGuid = allGuid && !o.Other
	}
	if allGuid {
		w.order = w.sort.Sort(w.order)
		state, read, copied := stateOf(tx, k.def().bucket), 0, false
		walked := func(rec []byte) { // bound the pages read every windowRelease records
			if tx.noteRead(rec); read%windowRelease == windowRelease-1 {
				tx.BoundMappedPages()
			}
			read++
		}
		switch {
		case w.places.Valid(state):
			_, first := b.Cursor().First()
			w.placeInOrder()
			w.places.Each(w.order, first, func(j int, rec []byte) { w.copyRecord(tx, j, rec); walked(rec) })
			copied = true
		case !w.places.Built(state) && len(w.order) >= w.buildMin():
			c := b.Cursor()
			copied = w.places.Build(state, c.First, c.Next, w.order, func(j int, rec []byte) { w.copyRecord(tx, j, rec) }, walked)
		}
		if copied {
			tx.BoundMappedPages()
			return nil
		}
		clear(w.recs) // a key of the bucket is not a GUID: a cursor finds them
		w.buf = nil
	}
	var ta, tb []byte
	slices.SortFunc(w.order, func(a, b recordmap.Entry) int {
		if !a.Other && !b.Other {
			return a.Compare(b.Key)
		}
		ta, tb = w.appendKey(ta[:0], a), w.appendKey(tb[:0], b)
		return bytes.Compare(ta, tb)
	})
	c := b.Cursor()
	var ck, cv, want []byte
	placed := false
	for j, o := range w.order {
		want = w.appendKey(want[:0], o)
		if placed {
			for n := 0; ck != nil && n < nearSteps && bytes.Compare(ck, want) < 0; n++ {
				ck, cv = c.Next()
			}
		}
		if !placed || ck != nil && bytes.Compare(ck, want) < 0 {
			ck, cv = c.Seek(want)
			placed = true
		}
		if cv == nil || !bytes.Equal(ck, want) {
			continue // no record (or a nested bucket) under key
		}
		w.copyRecord(tx, j, cv)
		if j%windowRelease == windowRelease-1 {
			tx.BoundMappedPages()
		}
	}
	tx.BoundMappedPages()
	return nil
}

// buildMin is the fewest entries for which w walks the whole bucket.
func (w *Window) buildMin() int {
	if w.BuildMin > 0 {
		return w.BuildMin
	}
	return buildMin
}

// copyRecord copies rec, the record of entry w.order[j], into w.
func (w *Window) copyRecord(tx *Tx, j int, rec []byte) {
	tx.noteRead(rec)
	at := w.order[j].At
	if w.buf != nil {
		if i := w.at[at]; i >= 0 && i+len(rec) <= len(w.buf) {
			n := copy(w.buf[i:], rec)
			w.recs[at] = unsafe.String(&w.buf[i], n)
			return
		}
	}
	w.recs[at] = string(rec)
}

// placeInOrder makes buf and at for the records w.places holds of
// w.order's entries: each one's place in buf, in the order of the
// entries.
func (w *Window) placeInOrder() {
	w.at = slices.Grow(w.at[:0], len(w.ends))[:len(w.ends)]
	for i := range w.at {
		w.at[i] = -1
	}
	w.places.Sizes(w.order, func(j, n int) { w.at[w.order[j].At] = n })
	total := 0
	for i, n := range w.at {
		if n > 0 {
			w.at[i], total = total, total+n
		}
	}
	if total > 0 {
		w.buf = make([]byte, total)
	}
}

// Len returns the number of entries in w.
func (w *Window) Len() int { return len(w.ends) }

// Entry returns entry i as Tx.WalkIndex gives it: "value\x00key".
func (w *Window) Entry(i int) string {
	e := w.entry(i)
	j := bytes.IndexByte(e, 0)
	if j < 0 {
		return string(e)
	}
	return string(appendKeyText(append([]byte(nil), e[:j+1]...), e[j+1:]))
}

// Record returns the copy of the record entry i names, nil when it has
// none. Its bytes must not be changed: they are RecordString's.
func (w *Window) Record(i int) []byte {
	s := w.recs[i]
	if s == "" {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// RecordString returns the copy of the record entry i names, "" when it
// has none: the reader may keep it, and what it decodes from it, after w
// is read again.
func (w *Window) RecordString(i int) string { return w.recs[i] }

func (w *Window) entry(i int) []byte {
	lo := 0
	if i > 0 {
		lo = w.ends[i-1]
	}
	return w.ents[lo:w.ends[i]]
}

// key returns the stored form of the record key entry i names.
func (w *Window) key(i int) ([]byte, bool) {
	e := w.entry(i)
	j := bytes.IndexByte(e, 0)
	if j < 0 || j == len(e)-1 {
		return nil, false
	}
	return e[j+1:], true
}

// appendKey appends the record key of o to t.
func (w *Window) appendKey(t []byte, o recordmap.Entry) []byte {
	if o.Other {
		key, _ := w.key(int(o.At))
		return appendKeyText(t, key)
	}
	var g [17]byte
	g[0] = guidKeyMarker
	binary.BigEndian.PutUint64(g[1:], o.Hi)
	binary.BigEndian.PutUint64(g[9:], o.Lo)
	return appendKeyText(t, g[:])
}
