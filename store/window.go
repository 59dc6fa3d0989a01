package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
)

// Window is a run of an index's entries with copies of the records they
// name, read by Kind.ReadWindow in one transaction and used after it
// ends: a listing that writes its objects between transactions reads a
// large run of records at once, in the order of the file, rather than
// searching for each one in the order of the index.
type Window struct {
	ents  []byte      // the entries in their stored form (see walkIndex), one after another
	ends  []int       // entry i ends at ents[ends[i]], and starts where entry i-1 ends
	recs  []byte      // the records, in the order they were read
	spans []int       // entry i's record is recs[spans[2i]:spans[2i+1]]; spans[2i] < 0: none
	order []windowKey // the entries in the order of their record keys
}

// windowKey is an entry of a window placed by its record key: a GUID key
// by its 16 bytes, which sort as its text does, another key by its text.
type windowKey struct {
	hi, lo uint64
	at     int32
	text   bool
}

// nearSteps is how far ReadWindow steps a cursor forward to reach the
// next key before it searches for it from the root instead.
const nearSteps = 32

// windowRelease is how many records ReadWindow copies between releases
// of the mapped pages it walked (see ReleaseMappedPages).
const windowRelease = 2000

// ReadWindow reads into w, replacing what it held, the next n entries of
// index name after the entry after ("" starts at the first; an entry as
// Tx.WalkIndex gives it), and a copy of the record each one names (none
// when the record is missing). The records are read in key order with one
// cursor, stepping forward to a near key and searching only for a far
// one, so reading a large share of the kind costs about one walk of its
// pages in file order. The pages walked are released as it goes, so the
// resident set stays bounded. Fewer than n entries means the index has no
// more.
func (k *Kind[T]) ReadWindow(tx *Tx, name, after string, n int, w *Window) error {
	w.ents, w.ends, w.recs, w.spans, w.order = w.ents[:0], w.ends[:0], w.recs[:0], w.spans[:0], w.order[:0]
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
		w.spans = append(w.spans, -1, -1)
		return nil
	})
	if err != nil || len(w.ends) == 0 {
		return err
	}
	b := tx.btx.Bucket([]byte(k.def.bucket))
	if b == nil {
		if k.def.onWrite {
			return nil // created by its first record
		}
		return fmt.Errorf("tenant file has no %q bucket", k.def.bucket)
	}
	for i := range w.ends {
		key, ok := w.key(i)
		if !ok {
			continue // not an entry of a record
		}
		o := windowKey{at: int32(i), text: true}
		if len(key) == 17 && key[0] == guidKeyMarker {
			o.hi, o.lo, o.text = binary.BigEndian.Uint64(key[1:9]), binary.BigEndian.Uint64(key[9:]), false
		}
		w.order = append(w.order, o)
	}
	var ta, tb []byte
	slices.SortFunc(w.order, func(a, b windowKey) int {
		if !a.text && !b.text {
			if c := cmp.Compare(a.hi, b.hi); c != 0 {
				return c
			}
			return cmp.Compare(a.lo, b.lo)
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
		tx.noteRead(cv)
		if cap(w.recs) == 0 {
			// room for the window's records at about the size of the
			// first, rather than growing a large buffer step by step
			w.recs = make([]byte, 0, len(w.order)*(len(cv)+len(cv)/4))
		}
		w.spans[2*o.at] = len(w.recs)
		w.recs = append(w.recs, cv...)
		w.spans[2*o.at+1] = len(w.recs)
		if j%windowRelease == windowRelease-1 {
			tx.ReleaseMappedPages()
		}
	}
	tx.ReleaseMappedPages()
	return nil
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
// none. It is valid until w is read again.
func (w *Window) Record(i int) []byte {
	lo, hi := w.spans[2*i], w.spans[2*i+1]
	if lo < 0 {
		return nil
	}
	return w.recs[lo:hi:hi]
}

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
func (w *Window) appendKey(t []byte, o windowKey) []byte {
	if o.text {
		key, _ := w.key(int(o.at))
		return appendKeyText(t, key)
	}
	var g [17]byte
	g[0] = guidKeyMarker
	binary.BigEndian.PutUint64(g[1:], o.hi)
	binary.BigEndian.PutUint64(g[9:], o.lo)
	return appendKeyText(t, g[:])
}
