package directory_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// A window reads the same entries and records as a walk of the index,
// whatever its size, for record keys that are GUIDs and for others (which
// sort among the GUIDs by their text).
func TestReadWindowMatchesWalk(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 200); err != nil {
		t.Fatal(err)
	}
	storetest.Update(t, s, func(tx *store.Tx) {
		m := storetest.Mailbox(t, tx, "annb")
		for i, key := range []string{"5-not-a-guid", "ZZ", "0", "A1B2C3D4-0000-0000-0000-000000000000", "f"} {
			c := *m
			c.Name = fmt.Sprintf("copy%d", i)
			storetest.Must(t, directory.Mailboxes.Put(tx, key, &c))
		}
	})
	_ = s.View(func(tx *store.Tx) error {
		var want []string
		storetest.Must(t, directory.Mailboxes.WalkIndex(tx, directory.IndexName, "", func(entry string, raw []byte) error {
			var m directory.Mailbox
			storetest.Must(t, directory.Mailboxes.Decode(raw, &m))
			want = append(want, entry+"="+m.Name)
			return nil
		}))
		for _, n := range []int{1, 3, 17, len(want), len(want) + 1} {
			var got []string
			w := store.Window{BuildMin: 1} // the walk of the whole bucket, and the windows after it
			after := ""
			for {
				storetest.Must(t, directory.Mailboxes.ReadWindow(tx, directory.IndexName, after, n, &w))
				for i := 0; i < w.Len(); i++ {
					var m directory.Mailbox
					storetest.Must(t, directory.Mailboxes.Decode(w.Record(i), &m))
					got = append(got, w.Entry(i)+"="+m.Name)
				}
				if w.Len() < n {
					break
				}
				after = w.Entry(w.Len() - 1)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("windows of %d read %d entries, the walk %d:\n%q\n%q", n, len(got), len(want), got, want)
			}
		}
		return nil
	})
}

// Windows read in separate transactions each read the records as they
// are then: a change committed between two windows (a record rewritten,
// one removed, one added) shows in the next window, whichever way the
// window finds its records.
func TestReadWindowSeesChangesBetweenWindows(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 150); err != nil {
		t.Fatal(err)
	}
	const n = 40
	read := func(after string, w *store.Window) (got []string) {
		_ = s.View(func(tx *store.Tx) error {
			storetest.Must(t, directory.Mailboxes.ReadWindow(tx, directory.IndexName, after, n, w))
			for i := 0; i < w.Len(); i++ {
				var m directory.Mailbox
				storetest.Must(t, directory.Mailboxes.Decode(w.Record(i), &m))
				got = append(got, w.Entry(i)+"="+m.Name+"/"+m.DisplayName)
			}
			return nil
		})
		return got
	}
	walk := func(from, to int) (want []string) {
		_ = s.View(func(tx *store.Tx) error {
			i := 0
			return directory.Mailboxes.WalkIndex(tx, directory.IndexName, "", func(entry string, raw []byte) error {
				if i >= from && i < to {
					var m directory.Mailbox
					storetest.Must(t, directory.Mailboxes.Decode(raw, &m))
					want = append(want, entry+"="+m.Name+"/"+m.DisplayName)
				}
				i++
				return nil
			})
		})
		return want
	}
	w := store.Window{BuildMin: 1} // the walk of the whole bucket, and the windows after it
	first := read("", &w)
	if fmt.Sprint(first) != fmt.Sprint(walk(0, n)) {
		t.Fatalf("first window:\n%q\nwalk:\n%q", first, walk(0, n))
	}
	after := w.Entry(w.Len() - 1)
	for round := 0; round < 3; round++ {
		// change the mailboxes the next window holds
		var keys []string
		_ = s.View(func(tx *store.Tx) error {
			return directory.Mailboxes.WalkIndex(tx, directory.IndexName, after, func(entry string, _ []byte) error {
				if entry != after && len(keys) < 3 {
					keys = append(keys, entry[strings.IndexByte(entry, 0)+1:])
				}
				return nil
			})
		})
		storetest.Update(t, s, func(tx *store.Tx) {
			m, ok, err := directory.Mailboxes.Get(tx, keys[0])
			if err != nil || !ok {
				t.Fatalf("mailbox %s: %v %v", keys[0], ok, err)
			}
			m.DisplayName = fmt.Sprintf("changed in round %d", round)
			storetest.Must(t, directory.Mailboxes.Put(tx, keys[0], m))
			if _, err := directory.Mailboxes.Delete(tx, keys[1]); err != nil {
				t.Fatal(err)
			}
			c := *m
			c.Name, c.DisplayName = m.Name+"-copy", fmt.Sprintf("added in round %d", round)
			storetest.Must(t, directory.Mailboxes.Put(tx, fmt.Sprintf("%08d-0000-4000-8000-000000000000", round), &c))
		})
		got := read(after, &w)
		var want []string
		_ = s.View(func(tx *store.Tx) error {
			return directory.Mailboxes.WalkIndex(tx, directory.IndexName, after, func(entry string, raw []byte) error {
				if entry == after {
					return nil
				}
				if len(want) == n {
					return store.ErrStop
				}
				var m directory.Mailbox
				storetest.Must(t, directory.Mailboxes.Decode(raw, &m))
				want = append(want, entry+"="+m.Name+"/"+m.DisplayName)
				return nil
			})
		})
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("round %d: window after a change read\n%q\na walk of the index reads\n%q", round, got, want)
		}
		if !strings.Contains(fmt.Sprint(got), fmt.Sprintf("changed in round %d", round)) {
			t.Fatalf("round %d: the change is not in the window:\n%q", round, got)
		}
		after = w.Entry(w.Len() - 1)
	}
}

// The records a window read stay as they were when the same window value
// reads the next run: a reader keeps them (a listing's objects decode
// their fields from them later).
func TestWindowRecordsOutliveTheWindow(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 90); err != nil {
		t.Fatal(err)
	}
	w := store.Window{BuildMin: 1} // the walk of the whole bucket, and the windows after it
	var kept, names []string
	// the first window walks the bucket, the next copy from where it
	// found the records
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		after := ""
		for range 2 {
			storetest.Must(t, directory.Mailboxes.ReadWindow(tx, directory.IndexName, after, 30, &w))
			for i := 0; i < w.Len(); i++ {
				var m directory.Mailbox
				storetest.Must(t, directory.Mailboxes.Decode(w.Record(i), &m))
				kept, names = append(kept, w.RecordString(i)), append(names, m.Name)
			}
			after = w.Entry(w.Len() - 1)
		}
		return directory.Mailboxes.ReadWindow(tx, directory.IndexName, after, 30, &w)
	}))
	if w.Len() == 0 {
		t.Fatal("no second window")
	}
	for i, raw := range kept {
		var m directory.Mailbox
		storetest.Must(t, directory.Mailboxes.Decode([]byte(raw), &m))
		if m.Name != names[i] {
			t.Errorf("record %d kept from the first window is now %q, was %q", i, m.Name, names[i])
		}
	}
}
