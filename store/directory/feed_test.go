package directory_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// A feed lists the same mailboxes in the same order as paging through
// ScanMailboxScope, whatever its window and batch sizes, each batch read
// in its own transaction; one that leaves the distinguished names for
// later gives the same records once RestoreForm has derived them.
func TestMailboxFeedMatchesScan(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 120); err != nil {
		t.Fatal(err)
	}
	scan := func(scope directory.Scope) []*directory.Mailbox {
		var out []*directory.Mailbox
		_ = s.View(func(tx *store.Tx) error {
			cursor := ""
			for {
				page, next, err := directory.ScanMailboxScope(tx, scope, cursor, 100)
				storetest.Must(t, err)
				out = append(out, page...)
				if next == "" {
					return nil
				}
				cursor = next
			}
		})
		return out
	}
	guids := func(ms []*directory.Mailbox) (out []string) {
		for _, m := range ms {
			out = append(out, m.Guid)
		}
		return out
	}
	for _, scope := range []directory.Scope{directory.ScopeActive, directory.ScopeSoftDeleted, directory.ScopeInactiveOnly, directory.ScopeAny} {
		want := scan(scope)
		if len(want) == 0 && scope == directory.ScopeActive {
			t.Fatal("no active mailbox")
		}
		for _, c := range []struct {
			window, batch int
			later         bool
		}{{1, 1, false}, {7, 3, false}, {7, 500, true}, {50, 13, false}, {1000, 500, false}, {0, 500, false}, {0, 500, true}} {
			t.Run(fmt.Sprintf("%v/window%d/batch%d/later%v", scope, c.window, c.batch, c.later), func(t *testing.T) {
				f := directory.NewMailboxFeed(scope, c.window)
				if c.later {
					f.RestoreNamesLater()
				}
				var got []*directory.Mailbox
				left := 0 // mailboxes whose names were left for later
				for more := true; more; {
					storetest.Must(t, s.View(func(tx *store.Tx) error {
						batch, m, err := f.Next(tx, c.batch)
						if len(batch) > c.batch {
							t.Fatalf("batch of %d, asked for %d", len(batch), c.batch)
						}
						for _, mb := range batch {
							if mb.DistinguishedName == "" && mb.LegacyExchangeDN == "" {
								left++
							}
							mb.RestoreForm()
						}
						got = append(got, batch...)
						more = m
						return err
					}))
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("feed listed %d mailboxes, scan %d:\n%v\n%v", len(got), len(want), guids(got), guids(want))
				}
				if c.later && scope == directory.ScopeActive && left < 100 {
					t.Errorf("names of %d mailboxes left for later, want the synthetic ones", left)
				}
			})
		}
	}
}

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
			var w store.Window
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
	var w store.Window
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
