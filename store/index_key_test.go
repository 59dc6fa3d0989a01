package store_test

import (
	"bytes"
	"sort"
	"testing"

	"github.com/exosim/exosim/store"
)

// TestIndexRecordKeys checks the record keys of index entries: a GUID in
// canonical lower-case text is held in 16 bytes, anything else as it is,
// both come back unchanged, and the held GUIDs sort as their text does.
func TestIndexRecordKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		key  string
		size int
	}{
		{"fffee952-da43-4179-a999-34179aca81f7", 17},
		{"00000000-0000-0000-0000-000000000000", 17},
		{"FFFEE952-DA43-4179-A999-34179ACA81F7", 36},  // not lower case
		{"fffee952da434179a99934179aca81f7", 32},      // no dashes
		{"fffee952-da43-4179-a999-34179aca81g7", 36},  // not hex
		{"fffee952-da43-4179-a999-34179aca81f7x", 37}, // longer
		{"20240301T085000.000000000Z/557d2b37-ed45-4a78-ab2b-f16473ef634f/a@b.c", 69},
		{"<x@y>", 5},
		{"", 0},
	} {
		b := store.AppendRecordKey(nil, tc.key)
		if len(b) != tc.size {
			t.Errorf("%q held in %d bytes, want %d", tc.key, len(b), tc.size)
		}
		if got := store.RecordKey(b); got != tc.key {
			t.Errorf("%q came back as %q", tc.key, got)
		}
	}
	guids := []string{
		"ffffffff-0000-0000-0000-000000000000", "0a000000-0000-0000-0000-000000000000",
		"09ffffff-ffff-ffff-ffff-ffffffffffff", "a0000000-0000-0000-0000-000000000000",
		"00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-000000000009",
	}
	held := make([][]byte, len(guids))
	for i, g := range guids {
		held[i] = store.AppendRecordKey(nil, g)
	}
	sort.Strings(guids)
	sort.Slice(held, func(i, j int) bool { return bytes.Compare(held[i], held[j]) < 0 })
	for i := range guids {
		if got := store.RecordKey(held[i]); got != guids[i] {
			t.Errorf("sorted held key %d = %s, text order has %s", i, got, guids[i])
		}
	}
}
