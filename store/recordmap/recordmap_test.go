package recordmap

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestParseText(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want Key
		ok   bool
	}{
		{"00000000-0000-0000-0000-000000000000", Key{}, true},
		{"0123abcd-ef01-2345-6789-abcdef012345", Key{0x0123abcdef012345, 0x6789abcdef012345}, true},
		{"ffffffff-ffff-ffff-ffff-ffffffffffff", Key{^uint64(0), ^uint64(0)}, true},
		{"0123ABCD-ef01-2345-6789-abcdef012345", Key{}, false}, // upper case is another key
		{"0123abcd-ef01-2345-6789-abcdef01234", Key{}, false},
		{"0123abcdef0123456789abcdef012345", Key{}, false},
		{"0123abcd-ef01-2345-6789_abcdef012345", Key{}, false},
		{"0123abcg-ef01-2345-6789-abcdef012345", Key{}, false},
		{"", Key{}, false},
	} {
		got, ok := ParseText(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseText(%q) = %x, %v; want %x, %v", c.in, got, ok, c.want, c.ok)
		}
		if b, bok := ParseText([]byte(c.in)); b != got || bok != ok {
			t.Errorf("ParseText([]byte(%q)) = %x, %v; the string gives %x, %v", c.in, b, bok, got, ok)
		}
	}
}

func guidText(k Key) string {
	s := fmt.Sprintf("%016x%016x", k.Hi, k.Lo)
	return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
}

// Sorted keys are in the order of their texts, whatever their number, and
// keys sharing their first half are ordered by their second.
func TestSorterOrdersAsText(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	var s Sorter
	for _, n := range []int{0, 1, 2, 17, 1000, 5000} {
		es := make([]Entry, n)
		for i := range es {
			es[i] = Entry{Key: Key{r.Uint64(), r.Uint64()}, At: int32(i)}
			if i%7 == 3 && i > 0 {
				es[i].Hi = es[i-1].Hi // a shared first half
			}
		}
		got := s.Sort(slices.Clone(es))
		want := slices.Clone(es)
		slices.SortFunc(want, func(a, b Entry) int { return bytes.Compare([]byte(guidText(a.Key)), []byte(guidText(b.Key))) })
		if !slices.Equal(got, want) {
			t.Errorf("%d keys: sorted differently from their texts", n)
		}
	}
}

// fakeBucket walks keys and values held in memory as a cursor does.
type fakeBucket struct {
	keys []string
	data []byte // the values, one after another
	ends []int
	i    int
}

func (b *fakeBucket) at() ([]byte, []byte) {
	if b.i >= len(b.keys) {
		return nil, nil
	}
	lo := 0
	if b.i > 0 {
		lo = b.ends[b.i-1]
	}
	return []byte(b.keys[b.i]), b.data[lo:b.ends[b.i]]
}
func (b *fakeBucket) first() ([]byte, []byte) { b.i = 0; return b.at() }
func (b *fakeBucket) next() ([]byte, []byte)  { b.i++; return b.at() }

// A map hands each entry the record under its key while it is built and
// afterwards, in the state it was built in; a bucket with a key that is
// not a GUID places nothing.
func TestMapPlacesRecords(t *testing.T) {
	t.Parallel()
	var keys []Key
	for i := 0; i < 50; i++ {
		keys = append(keys, Key{uint64(i * 3), uint64(i)})
	}
	b := &fakeBucket{}
	for _, k := range keys {
		b.keys = append(b.keys, guidText(k))
		b.data = append(b.data, "record of "+guidText(k)...)
		b.ends = append(b.ends, len(b.data))
	}
	// entries for every third key and for keys with no record
	var es []Entry
	for i, k := range keys {
		if i%3 == 0 {
			es = append(es, Entry{Key: k, At: int32(i)})
			es = append(es, Entry{Key: Key{k.Hi + 1, 0}, At: -1})
		}
	}
	check := func(what string, got map[int]string) {
		t.Helper()
		for j, e := range es {
			want := ""
			if e.At >= 0 {
				want = "record of " + guidText(e.Key)
			}
			if got[j] != want {
				t.Errorf("%s: entry %d got %q, want %q", what, j, got[j], want)
			}
		}
	}
	var m Map
	got := map[int]string{}
	walked := 0
	if !m.Build("state 1", b.first, b.next, es, func(j int, rec []byte) { got[j] = string(rec) }, func([]byte) { walked++ }) {
		t.Fatal("a bucket of GUID keys was not placed")
	}
	if walked != len(keys) {
		t.Errorf("walked %d records, want %d", walked, len(keys))
	}
	check("build", got)
	if !m.Valid("state 1") || m.Valid("state 2") || m.Built("state 2") {
		t.Errorf("valid in its state %v, in another %v (built %v)", m.Valid("state 1"), m.Valid("state 2"), m.Built("state 2"))
	}
	got = map[int]string{}
	_, first := b.first()
	m.Each(es, first, func(j int, rec []byte) { got[j] = string(rec) })
	check("each", got)

	b.keys[20] = "not a guid"
	if m.Build("state 3", b.first, b.next, es, func(int, []byte) {}, func([]byte) {}) {
		t.Fatal("a bucket with a text key was placed")
	}
	if !m.Built("state 3") || m.Valid("state 3") {
		t.Errorf("after a text key: built %v, valid %v; want true, false", m.Built("state 3"), m.Valid("state 3"))
	}
}

// Each finds the record of every entry of windows of every density (a
// few scattered entries, runs, keys with no record, keys past the last
// record) as a comparison of every record with every entry finds it.
func TestEachFindsAsAFullScan(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 11))
	b := &fakeBucket{}
	var keys []Key
	for i := 0; i < 2000; i++ {
		keys = append(keys, Key{rng.Uint64(), rng.Uint64()})
	}
	var s Sorter
	es := make([]Entry, len(keys))
	for i, k := range keys {
		es[i] = Entry{Key: k}
	}
	for i, e := range s.Sort(es) {
		keys[i] = e.Key
		b.keys = append(b.keys, guidText(e.Key))
		b.data = append(b.data, "record "+guidText(e.Key)...)
		b.ends = append(b.ends, len(b.data))
	}
	var m Map
	if !m.Build("s", b.first, b.next, nil, func(int, []byte) {}, func([]byte) {}) {
		t.Fatal("not placed")
	}
	_, first := b.first()
	for _, every := range []int{1, 2, 3, 17, 100, 999, 5000} {
		var win []Entry
		for i := 0; i < len(keys); i += 1 + rng.IntN(every) {
			win = append(win, Entry{Key: keys[i], At: int32(i)})
			if rng.IntN(4) == 0 { // a key with no record
				win = append(win, Entry{Key: Key{rng.Uint64(), rng.Uint64()}, At: -1})
			}
		}
		win = append(win, Entry{Key: Key{^uint64(0), ^uint64(0)}, At: -1})
		win = s.Sort(win)
		got := map[int]string{}
		m.Each(win, first, func(j int, rec []byte) { got[j] = string(rec) })
		for j, e := range win {
			want := ""
			for i, k := range keys {
				if k == e.Key {
					want = "record " + guidText(keys[i])
				}
			}
			if got[j] != want {
				t.Fatalf("one in %d: entry %d got %q, want %q", every, j, got[j], want)
			}
		}
	}
}
