// Package recordmap tells where the records of a bbolt bucket whose keys
// are GUIDs lie in the mapped file, so that a reader can copy many of
// them, in key order, without walking the bucket's pages again: one walk
// of the bucket notes each record's place, and the map holds for as long
// as the file is in the state that walk read. It also reads such keys as
// 128-bit numbers and sorts entries by them.
package recordmap

import "unsafe"

// Key is a GUID key as a 128-bit number: its text's first 16 hex digits
// (Hi) and last 16 (Lo). Keys compare as their lower-case texts do.
type Key struct{ Hi, Lo uint64 }

// Less reports whether a sorts before b.
func (a Key) Less(b Key) bool { return a.Hi < b.Hi || a.Hi == b.Hi && a.Lo < b.Lo }

// Compare returns -1, 0 or +1 as a sorts before, with or after b.
func (a Key) Compare(b Key) int {
	switch {
	case a.Less(b):
		return -1
	case b.Less(a):
		return 1
	}
	return 0
}

// ParseText reads a key that is a GUID in lower-case text with dashes
// (8-4-4-4-12); ok is false for any other key. It reads a digit by a
// table rather than by comparisons, whose branches a processor cannot
// foresee in random hex digits.
func ParseText[T string | []byte](k T) (key Key, ok bool) {
	if len(k) != 36 || k[8] != '-' || k[13] != '-' || k[18] != '-' || k[23] != '-' {
		return Key{}, false
	}
	good := byte(0xff)
	for _, p := range guidDigits[:16] {
		d := hexDigit[k[p]]
		good &= d
		key.Hi = key.Hi<<4 | uint64(d&0xf)
	}
	for _, p := range guidDigits[16:] {
		d := hexDigit[k[p]]
		good &= d
		key.Lo = key.Lo<<4 | uint64(d&0xf)
	}
	if good&0xf0 != 0xf0 {
		return Key{}, false
	}
	return key, true
}

// guidDigits are the places of a GUID's 32 hex digits in its text.
var guidDigits = [32]uint8{0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17,
	19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35}

// hexDigit is 0xf0 plus the value of each lower-case hex digit, 0 for any
// other byte: a table the linker lays out, with no code run to fill it.
var hexDigit = [256]byte{
	'0': 0xf0, '1': 0xf1, '2': 0xf2, '3': 0xf3, '4': 0xf4, '5': 0xf5, '6': 0xf6, '7': 0xf7, '8': 0xf8, '9': 0xf9,
	'a': 0xfa, 'b': 0xfb, 'c': 0xfc, 'd': 0xfd, 'e': 0xfe, 'f': 0xff,
}

// Entry is a key and the position of what names it (an index entry of a
// window). Other marks an entry whose key is not a GUID (Key is zero
// then): the caller orders those by their text.
type Entry struct {
	Key
	At    int32
	Other bool
}

// Sorter sorts entries of GUID keys, keeping its scratch space between
// sorts.
type Sorter struct {
	scratch []Entry
	count   []int32
}

// Sort sorts es (all GUID keys) by key: a radix sort of Hi, 16 bits a
// pass from the lowest, then an insertion sort of each run of equal Hi by
// Lo (random GUIDs share no Hi). It returns the sorted entries, in es's
// memory or the sorter's, and keeps the other for the next sort.
func (s *Sorter) Sort(es []Entry) []Entry {
	if s.count == nil {
		s.count = make([]int32, 1<<16)
	}
	if cap(s.scratch) < len(es) {
		s.scratch = make([]Entry, len(es))
	}
	src, dst := es, s.scratch[:len(es)]
	for shift := uint(0); shift < 64; shift += 16 {
		clear(s.count)
		for _, e := range src {
			s.count[e.Hi>>shift&0xffff]++
		}
		sum := int32(0)
		for d, n := range s.count {
			s.count[d] = sum
			sum += n
		}
		for _, e := range src {
			d := e.Hi >> shift & 0xffff
			dst[s.count[d]] = e
			s.count[d]++
		}
		src, dst = dst, src
	}
	for i := 1; i < len(src); i++ {
		for j := i; j > 0 && src[j-1].Hi == src[j].Hi && src[j].Lo < src[j-1].Lo; j-- {
			src[j-1], src[j] = src[j], src[j-1]
		}
	}
	s.scratch = dst
	return src
}

// Map is where each record of a bucket lay in the mapped file when one
// walk of the bucket read it (Build), in key order. It holds while the
// file is in the state the walk read, which the caller names by a
// comparable value (its state): for bbolt, while no transaction has
// committed since, as the pages of a committed state never change, a
// state's pages are reused only after a later commit, and the file is
// mapped anew only when a commit grows it.
type Map struct {
	state any
	built bool
	mixed bool // a key is not a GUID: no record is placed
	// recs are the places of the records, from the first record's first
	// byte. The map keeps no pointer into the mapping, which a later
	// state may unmap: Each is given the first record of its state.
	recs []place
}

// place is where one record lies: off bytes from the first record's
// first byte, n bytes long.
type place struct {
	Key
	off int
	n   int
}

// Built reports whether m was built (or tried) in state.
func (m *Map) Built(state any) bool { return m.built && m.state == state }

// Valid reports whether m tells where the records are in state.
func (m *Map) Valid(state any) bool { return m.Built(state) && !m.mixed && len(m.recs) > 0 }

// Build walks the whole bucket from its first key (first, then next until
// a nil key: a bbolt cursor's First and Next) in state, noting where each
// record lies. On the way it hands fn the record of each of es (GUID keys,
// sorted) that names one, as Each does, and each every record. It stops,
// reporting false, at a key that is not a GUID in its text form, a nested
// bucket or an empty record: m places no record of that bucket then, and
// the caller discards what fn was given.
func (m *Map) Build(state any, first, next func() (k, v []byte), es []Entry, fn func(j int, rec []byte), each func(rec []byte)) bool {
	*m = Map{recs: m.recs[:0], state: state, built: true}
	var anchor []byte
	j := 0
	for k, v := first(); k != nil; k, v = next() {
		key, ok := ParseText(k)
		if !ok || len(v) == 0 {
			m.recs, m.mixed = m.recs[:0], true
			return false
		}
		if anchor == nil {
			anchor = v
		}
		off := int(uintptr(unsafe.Pointer(unsafe.SliceData(v))) - uintptr(unsafe.Pointer(&anchor[0])))
		m.recs = append(m.recs, place{Key: key, off: off, n: len(v)})
		for ; j < len(es) && !key.Less(es[j].Key); j++ {
			if es[j].Key == key {
				fn(j, v)
			}
		}
		each(v)
	}
	return true
}

// Each hands fn, for each of es (GUID keys, sorted) that names a record
// of a valid m, the mapped bytes of its record, in key order; j is the
// entry's position in es. first is the bucket's first record in m's
// state (a cursor's First), where the places start from.
func (m *Map) Each(es []Entry, first []byte, fn func(j int, rec []byte)) {
	if len(first) == 0 || len(first) != m.recs[0].n {
		return
	}
	anchor := unsafe.Pointer(unsafe.SliceData(first))
	m.places(es, func(j int, r place) {
		fn(j, unsafe.Slice((*byte)(unsafe.Add(anchor, r.off)), r.n))
	})
}

// Sizes hands fn, for each of es that names a record of a valid m, the
// size of its record, as Each would hand the record, without reading the
// mapped file.
func (m *Map) Sizes(es []Entry, fn func(j, n int)) {
	m.places(es, func(j int, r place) { fn(j, r.n) })
}

// places hands fn the place of the record of each of es that names one.
// A window names a small share of the records, so it gallops to each:
// steps of 1, 2, 4, ... records past the last one found, then a binary
// search within the last step, rather than comparing every record on the
// way.
func (m *Map) places(es []Entry, fn func(j int, r place)) {
	i := 0
	for j, e := range es {
		step, hi := 1, i
		for hi < len(m.recs) && m.recs[hi].Less(e.Key) {
			i = hi + 1
			hi += step
			step *= 2
		}
		hi = min(hi, len(m.recs))
		for i < hi { // the first of recs[i:hi] not before e.Key
			mid := int(uint(i+hi) >> 1)
			if m.recs[mid].Less(e.Key) {
				i = mid + 1
			} else {
				hi = mid
			}
		}
		if i == len(m.recs) {
			return
		}
		if r := m.recs[i]; r.Key == e.Key {
			fn(j, r)
		}
	}
}
