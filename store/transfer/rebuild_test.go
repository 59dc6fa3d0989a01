package transfer_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/boltfile"
	seeds "github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/tenantfile"
	"github.com/exosim/exosim/store/transfer"
)

// A rebuilt tenant is the build's tenant, compacted: the export is the
// same as a tenant built in place, every check passes, no free pages are
// left but in the hot region and those its first write replaced, the
// pages nearly every command reads lie in the hot region, and no
// temporary file stays behind.
func TestRebuildCompacts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ref, err := tenant.Open(filepath.Join(dir, "ref.db"), store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Must(t, seeds.Init(ref, seeds.Contoso, time.Time{}, false))
	storetest.Must(t, seeds.BuildSynthetic(ref, seeds.SyntheticOptions{Mailboxes: 100, BatchSize: 25}))
	want := storetest.Export(t, ref)
	storetest.Must(t, ref.Close())

	path := filepath.Join(dir, "bulk.db")
	err = tenant.Rebuild(path, store.Options{}, func(old, fresh *store.Store) error {
		if old != nil {
			t.Error("a missing tenant was handed over as an old one")
		}
		if err := seeds.Init(fresh, seeds.Contoso, time.Time{}, false); err != nil {
			return err
		}
		return seeds.BuildSynthetic(fresh, seeds.SyntheticOptions{Mailboxes: 100, BatchSize: 25})
	})
	storetest.Must(t, err)
	s, err := tenant.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db, release, err := s.Hold()
	if err != nil {
		t.Fatal(err)
	}
	if n := db.Stats().FreePageN; n > 2*boltfile.HotRegionPages {
		t.Errorf("the rebuilt file has %d free pages", n)
	}
	release()
	storetest.Must(t, s.View(func(tx *store.Tx) error {
		seeks, err := tx.HotSeeks()
		if err != nil {
			return err
		}
		for _, seek := range append([]boltfile.Seek{{Top: true}}, seeks...) {
			pages, err := boltfile.SeekPages(tx.Bolt(), seek)
			if err != nil {
				return err
			}
			for _, p := range pages {
				if p >= boltfile.HotRegionPages {
					t.Errorf("%s %q: page %d of %v lies beyond the hot region", seek.Bucket, seek.Key, p, pages)
				}
			}
		}
		return nil
	}))
	if got := storetest.Export(t, s); got != want {
		t.Error("the rebuilt tenant exports differently from one built in place")
	}
	if got := storetest.Findings(t, s); got != "" {
		t.Errorf("findings after the rebuild:\n%s", got)
	}
	if left, _ := filepath.Glob(path + tenantfile.BuildInfix + "*"); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A failed build leaves the tenant as it was and removes its temporary
// file; a stray temporary file of a killed build is removed by the next
// writer; a symbolic link to the tenant stays a link to the new file.
func TestRebuildKeepsTenantAndLink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "data", "tenant.db")
	link := filepath.Join(dir, "tenant.db")
	storetest.Must(t, os.MkdirAll(filepath.Dir(target), 0o700))
	storetest.Must(t, os.Symlink(filepath.Join("data", "tenant.db"), link))
	s, err := tenant.Open(link, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Must(t, seeds.Init(s, seeds.Empty, time.Time{}, false))
	before := storetest.Export(t, s)
	storetest.Must(t, s.Close())

	boom := errors.New("boom")
	err = tenant.Rebuild(link, store.Options{}, func(old, fresh *store.Store) error {
		if old == nil {
			t.Error("the existing tenant was not handed over")
		}
		storetest.Must(t, seeds.Init(fresh, seeds.Contoso, time.Time{}, false))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("failed build: %v", err)
	}
	s, err = tenant.Open(link, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := storetest.Export(t, s); got != before {
		t.Error("a failed rebuild changed the tenant")
	}
	storetest.Must(t, s.Close())

	// a builder killed half-way: it marked the lock file, then made its
	// temporary file
	stray := target + tenantfile.BuildInfix + "99999"
	lk, err := tenantfile.Acquire(target, true, time.Second)
	storetest.Must(t, err)
	if !lk.MarkSideFiles() {
		t.Fatal("the lock file took no mark")
	}
	storetest.Must(t, os.WriteFile(stray, []byte("half a tenant"), 0o600))
	lk.Release()
	storetest.Must(t, tenant.Rebuild(link, store.Options{}, func(old, fresh *store.Store) error { return seeds.Init(fresh, seeds.Contoso, time.Time{}, false) }))
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Errorf("stray build file survived a rebuild: %v", err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the tenant link is no longer a link: %v %v", fi, err)
	}
	s, err = tenant.Open(link, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if seed, _ := transfer.InfoOf(s); seed.Seed != seeds.Contoso {
		t.Errorf("after the rebuild the link's tenant has seed %q", seed.Seed)
	}
	if _, err := os.Stat(target + tenantfile.LockSuffix); err != nil {
		t.Errorf("the lock file is not beside the link's target: %v", err)
	}
}
