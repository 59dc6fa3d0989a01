package mailboxfeed_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/mailboxfeed"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// A feed lists the same mailboxes in the same order as paging through
// ScanMailboxScope, whatever its window and batch sizes, each batch read
// in its own transaction; its lazy mailboxes, decoded whole, leave the
// distinguished names for later and give the same records once
// RestoreForm has derived them.
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
			lazy          bool
		}{{1, 1, false}, {7, 3, false}, {7, 500, true}, {50, 13, false}, {1000, 500, false}, {0, 500, false}, {0, 500, true}} {
			t.Run(fmt.Sprintf("%v/window%d/batch%d/lazy%v", scope, c.window, c.batch, c.lazy), func(t *testing.T) {
				f := mailboxfeed.New(scope, c.window)
				var got []*directory.Mailbox
				left := 0 // mailboxes whose names were left for later
				for more := true; more; {
					storetest.Must(t, s.View(func(tx *store.Tx) error {
						var batch []*directory.Mailbox
						var m bool
						var err error
						if c.lazy {
							var ls []*mailboxfeed.Lazy
							ls, m, err = f.NextLazy(tx, c.batch)
							for _, l := range ls {
								mb := l.Whole()
								if mb.DistinguishedName == "" && mb.LegacyExchangeDN == "" {
									left++
								}
								mb.RestoreForm()
								batch = append(batch, mb)
							}
						} else {
							batch, m, err = f.Next(tx, c.batch)
						}
						if len(batch) > c.batch {
							t.Fatalf("batch of %d, asked for %d", len(batch), c.batch)
						}
						got = append(got, batch...)
						more = m
						return err
					}))
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("feed listed %d mailboxes, scan %d:\n%v\n%v", len(got), len(want), guids(got), guids(want))
				}
				if c.lazy && scope == directory.ScopeActive && left < 100 {
					t.Errorf("names of %d mailboxes left for later, want the synthetic ones", left)
				}
			})
		}
	}
}
