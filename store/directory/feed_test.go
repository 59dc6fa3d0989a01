package directory_test

import (
	"fmt"
	"reflect"
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
