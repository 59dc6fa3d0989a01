package store_test

import (
	"runtime"
	"testing"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// TestReadSpanCountsPagesOnce notes ranges of a mapping and checks how
// many distinct 4 KiB pages the span counts.
func TestReadSpanCountsPagesOnce(t *testing.T) {
	t.Parallel()
	const base, page = uintptr(1 << 30), uintptr(4096)
	type rng struct{ lo, hi uintptr }
	for _, c := range []struct {
		name  string
		notes []rng
		want  int
	}{
		{"one byte", []rng{{base, base + 1}}, 1},
		{"within a page", []rng{{base + 10, base + 100}, {base + 200, base + 300}}, 1},
		{"across a boundary", []rng{{base + page - 1, base + page + 1}}, 2},
		{"the same page again", []rng{{base + 3*page, base + 3*page + 8}, {base + 3*page + 16, base + 3*page + 24}}, 1},
		{"far apart", []rng{{base, base + 1}, {base + 1000*page, base + 1000*page + 1}}, 2},
		{"several pages", []rng{{base + page, base + 5*page}}, 4},
		{"below the mapping", []rng{{base - page, base - 1}}, 0},
		{"empty", []rng{{base + page, base + page}}, 0},
	} {
		var r store.ReadSpan
		for _, n := range c.notes {
			store.SpanNote(&r, base, n.lo, n.hi)
		}
		if got := store.SpanPages(&r); got != c.want {
			t.Errorf("%s: %d pages, want %d", c.name, got, c.want)
		}
	}
}

// TestReadSpanWidenUnites merges spans: pages both noted count once, and
// a span of another mapping replaces what was noted of the old one.
func TestReadSpanWidenUnites(t *testing.T) {
	t.Parallel()
	const base, page = uintptr(1 << 30), uintptr(4096)
	var a, b, c store.ReadSpan
	store.SpanNote(&a, base, base, base+2*page)            // pages 0, 1
	store.SpanNote(&b, base, base+page, base+3*page)       // pages 1, 2
	store.SpanNote(&b, base, base+70*page, base+70*page+1) // page 70
	store.SpanWiden(&a, b)
	if got := store.SpanPages(&a); got != 4 {
		t.Errorf("united: %d pages, want 4", got)
	}
	store.SpanNote(&c, base+page*1000, base+page*1000, base+page*1001)
	store.SpanWiden(&a, c)
	if got := store.SpanPages(&a); got != 1 {
		t.Errorf("after a remap: %d pages, want the new mapping's 1", got)
	}
}

// TestBoundKeepsPagesUnderBudget lists a seeded tenant's mailboxes: the
// pages read stay noted while they are within their budget (a listing
// that reads a page again finds it mapped), and a release forgets them.
func TestBoundKeepsPagesUnderBudget(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("mapped pages are noted on Linux only")
	}
	s := storetest.Seeded(t, seed.Contoso)
	list := func(tx *store.Tx) error {
		_, _, err := directory.ScanMailboxScope(tx, directory.ScopeAny, "", 0)
		return err
	}
	if err := s.View(func(tx *store.Tx) error {
		if err := list(tx); err != nil {
			return err
		}
		tx.BoundMappedPages()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	noted := store.NotedPages(s)
	if noted == 0 {
		t.Fatal("a listing noted no page")
	}
	if err := s.View(func(tx *store.Tx) error { tx.BoundMappedPages(); return list(tx) }); err != nil {
		t.Fatal(err)
	}
	if got := store.NotedPages(s); got != noted {
		t.Errorf("listing again noted %d pages, want the same %d", got, noted)
	}
	if err := s.View(func(tx *store.Tx) error { tx.ReleaseMappedPages(); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := store.NotedPages(s); got != 0 {
		t.Errorf("after a release %d pages noted, want 0", got)
	}
}
