package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A rebuilt tenant is the build's tenant, compacted: the export is the
// same as a tenant built in place, every check passes, no free pages are
// left, and no temporary file stays behind.
func TestRebuildCompacts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ref, err := Open(filepath.Join(dir, "ref.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	must(t, ref.Init(SeedContoso, time.Time{}, false))
	must(t, ref.BuildSynthetic(SyntheticOptions{Mailboxes: 400, BatchSize: 50}))
	want := exportString(t, ref)
	must(t, ref.Close())

	path := filepath.Join(dir, "bulk.db")
	err = Rebuild(path, Options{}, func(old, fresh *Store) error {
		if old != nil {
			t.Error("a missing tenant was handed over as an old one")
		}
		if err := fresh.Init(SeedContoso, time.Time{}, false); err != nil {
			return err
		}
		return fresh.BuildSynthetic(SyntheticOptions{Mailboxes: 400, BatchSize: 50})
	})
	must(t, err)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := s.db.Stats().FreePageN; n > 2 {
		t.Errorf("the rebuilt file has %d free pages", n)
	}
	if got := exportString(t, s); got != want {
		t.Error("the rebuilt tenant exports differently from one built in place")
	}
	if got := findingsText(t, s); got != "" {
		t.Errorf("findings after the rebuild:\n%s", got)
	}
	if left, _ := filepath.Glob(path + buildInfix + "*"); len(left) != 0 {
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
	must(t, os.MkdirAll(filepath.Dir(target), 0o700))
	must(t, os.Symlink(filepath.Join("data", "tenant.db"), link))
	s, err := Open(link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Init(SeedEmpty, time.Time{}, false))
	before := exportString(t, s)
	must(t, s.Close())

	boom := errors.New("boom")
	err = Rebuild(link, Options{}, func(old, fresh *Store) error {
		if old == nil {
			t.Error("the existing tenant was not handed over")
		}
		must(t, fresh.Init(SeedContoso, time.Time{}, false))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("failed build: %v", err)
	}
	s, err = Open(link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := exportString(t, s); got != before {
		t.Error("a failed rebuild changed the tenant")
	}
	must(t, s.Close())

	stray := target + buildInfix + "99999"
	must(t, os.WriteFile(stray, []byte("half a tenant"), 0o600))
	must(t, Rebuild(link, Options{}, func(old, fresh *Store) error { return fresh.Init(SeedContoso, time.Time{}, false) }))
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Errorf("stray build file survived a rebuild: %v", err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the tenant link is no longer a link: %v %v", fi, err)
	}
	s, err = Open(link, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if seed, _ := s.Info(); seed.Seed != SeedContoso {
		t.Errorf("after the rebuild the link's tenant has seed %q", seed.Seed)
	}
	if _, err := os.Stat(target + lockSuffix); err != nil {
		t.Errorf("the lock file is not beside the link's target: %v", err)
	}
}
