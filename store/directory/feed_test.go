package directory_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// A feed lists the same mailboxes in the same order as paging through
// ScanMailboxScope, whatever its window and batch sizes, each batch read
// in its own transaction.
func TestMailboxFeedMatchesScan(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 120); err != nil {
		t.Fatal(err)
	}
	scan := func(scope directory.Scope) []string {
		var out []string
		_ = s.View(func(tx *store.Tx) error {
			cursor := ""
			for {
				page, next, err := directory.ScanMailboxScope(tx, scope, cursor, 100)
				storetest.Must(t, err)
				for _, m := range page {
					out = append(out, m.Guid)
				}
				if next == "" {
					return nil
				}
				cursor = next
			}
		})
		return out
	}
	for _, scope := range []directory.Scope{directory.ScopeActive, directory.ScopeSoftDeleted, directory.ScopeInactiveOnly, directory.ScopeAny} {
		want := scan(scope)
		if len(want) == 0 && scope == directory.ScopeActive {
			t.Fatal("no active mailbox")
		}
		for _, c := range []struct{ window, batch int }{{1, 1}, {7, 3}, {7, 500}, {50, 13}, {1000, 500}, {0, 500}} {
			t.Run(fmt.Sprintf("%v/window%d/batch%d", scope, c.window, c.batch), func(t *testing.T) {
				f := directory.NewMailboxFeed(scope, c.window)
				var got []string
				for more := true; more; {
					storetest.Must(t, s.View(func(tx *store.Tx) error {
						batch, m, err := f.Next(tx, c.batch)
						if len(batch) > c.batch {
							t.Fatalf("batch of %d, asked for %d", len(batch), c.batch)
						}
						for _, mb := range batch {
							got = append(got, mb.Guid)
						}
						more = m
						return err
					}))
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("feed listed %d mailboxes, scan %d:\n%v\n%v", len(got), len(want), got, want)
				}
			})
		}
	}
}

// ReadKeys finds the records of sorted keys, near or far apart, present
// or not, as Get finds them one by one.
func TestReadKeysMatchesGet(t *testing.T) {
	t.Parallel()
	s := storetest.Seeded(t, seed.Contoso)
	if err := seed.AddSynthetic(s, 200); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *store.Tx) error {
		var all []string
		storetest.Must(t, directory.Mailboxes.ForEach(tx, "", func(key string, _ *directory.Mailbox) error {
			all = append(all, key)
			return nil
		}))
		every := func(n int) []string {
			var out []string
			for i := 0; i < len(all); i += n {
				out = append(out, all[i])
			}
			return out
		}
		withMissing := append([]string{"", "0", "zzzz", all[3] + "x", all[3]}, every(5)...)
		sort.Strings(withMissing)
		for name, keys := range map[string][]string{
			"all":          all,
			"every 2nd":    every(2),
			"every 40th":   every(40),
			"first, last":  {all[0], all[len(all)-1]},
			"with missing": withMissing,
			"repeated":     {all[1], all[1], all[2]},
			"none":         nil,
		} {
			var got []string
			err := directory.Mailboxes.ReadKeys(tx, keys, func(i int, raw []byte) error {
				var m directory.Mailbox
				if err := directory.Mailboxes.Decode(raw, &m); err != nil {
					return err
				}
				got = append(got, fmt.Sprintf("%d=%s", i, m.Guid))
				return nil
			})
			storetest.Must(t, err)
			var want []string
			for i, k := range keys {
				if m, ok, err := directory.Mailboxes.Get(tx, k); err == nil && ok {
					want = append(want, fmt.Sprintf("%d=%s", i, m.Guid))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: ReadKeys %v, Get %v", name, got, want)
			}
		}
		// ErrStop ends the reading quietly
		n := 0
		storetest.Must(t, directory.Mailboxes.ReadKeys(tx, all, func(int, []byte) error {
			n++
			if n == 3 {
				return store.ErrStop
			}
			return nil
		}))
		if n != 3 {
			t.Errorf("read %d records after ErrStop at 3", n)
		}
		return nil
	})
}
