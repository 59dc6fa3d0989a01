package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
	"github.com/exosim/exosim/store/tenantfile"
)

// Files that are not exosim tenants are refused and left byte for byte as
// they were: another program's bbolt database, a text file, a FIFO (which
// must not hang the open), a directory. A truncated tenant is reported as
// damaged, read-write and read-only.
func TestOpenRefusesWhatIsNotATenant(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()

	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Must(t, db.Update(func(btx *bolt.Tx) error {
		b, err := btx.CreateBucket([]byte("users"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("precious"))
	}))
	storetest.Must(t, db.Close())
	text := filepath.Join(dir, "notes.db")
	storetest.Must(t, os.WriteFile(text, []byte("not a database\n"), 0o600))
	fifo := filepath.Join(dir, "fifo.db")
	storetest.Must(t, syscall.Mkfifo(fifo, 0o600))
	sub := filepath.Join(dir, "sub.db")
	storetest.Must(t, os.Mkdir(sub, 0o700))

	for _, tc := range []struct{ path, reason string }{
		{foreign, "a bbolt database with other buckets (users)"},
		{text, "not a bbolt database"},
		{fifo, "not a regular file"},
		{sub, "not a regular file"},
	} {
		var before []byte
		if fi, _ := os.Stat(tc.path); fi.Mode().IsRegular() {
			before, _ = os.ReadFile(tc.path)
		}
		for _, ro := range []bool{false, true} {
			done := make(chan error, 1)
			go func() {
				s, err := tenant.Open(tc.path, store.Options{ReadOnly: ro})
				if err == nil {
					s.Close()
				}
				done <- err
			}()
			select {
			case err := <-done:
				var nt *store.NotTenantError
				if !errors.As(err, &nt) || !bytes.Contains([]byte(err.Error()), []byte(tc.reason)) {
					t.Errorf("Open(%s, read-only %v) = %v, want a refusal saying %q", filepath.Base(tc.path), ro, err, tc.reason)
				}
			case <-time.After(time.Minute): // a hang guard, generous for a loaded machine
				t.Fatalf("Open(%s) hangs", filepath.Base(tc.path))
			}
		}
		if before != nil {
			if after, _ := os.ReadFile(tc.path); !bytes.Equal(before, after) {
				t.Errorf("%s was changed by a refused open", filepath.Base(tc.path))
			}
		}
	}

	// A tenant cut short.
	path := filepath.Join(dir, "tenant.db")
	s, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Must(t, seed.Init(s, seed.Contoso, time.Time{}, false))
	storetest.Must(t, seed.BuildSynthetic(s, seed.SyntheticOptions{Mailboxes: 60}))
	storetest.Must(t, s.Close())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Must(t, os.Truncate(path, fi.Size()/3))
	for _, ro := range []bool{false, true} {
		s, err := tenant.Open(path, store.Options{ReadOnly: ro})
		if err == nil {
			_, err = s.Check()
			s.Close()
		}
		var de *store.DamagedError
		if !errors.As(err, &de) {
			t.Errorf("truncated tenant, read-only %v: %v, want it reported as damaged", ro, err)
		}
	}
}

// NoWait fails at once while another open holds the tenant; the default
// waits; after Release another open gets the tenant and the first sees
// its change (and counts it as a new generation).
func TestLockWaitAndRelease(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tenant.db")
	a, err := tenant.Open(path, store.Options{NoSync: true, LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	storetest.Must(t, seed.Init(a, seed.Contoso, time.Time{}, false))

	// NoWait gives up at once: the error says it waited no time.
	_, err = tenant.Open(path, store.Options{LockTimeout: store.NoWait})
	var le *store.LockedError
	if !errors.As(err, &le) || le.Waited != 0 {
		t.Fatalf("NoWait on a held tenant: %v", err)
	}
	if _, err := tenant.Open(path, store.Options{LockTimeout: 50 * time.Millisecond, ReadOnly: true}); !errors.As(err, &le) {
		t.Fatalf("reader beside a writer: %v", err)
	}

	gen := a.PrincipalsGeneration()
	storetest.Must(t, a.Release())
	b, err := tenant.Open(path, store.Options{LockTimeout: store.NoWait})
	if err != nil {
		t.Fatalf("open after Release: %v", err)
	}
	storetest.Must(t, b.Update(func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return err
		}
		o.AdminUPN = "trainer@contoso.onmicrosoft.com"
		return directory.PutOrganization(tx, o)
	}))
	// a waits for b.
	if err := a.View(func(*store.Tx) error { return nil }); err == nil {
		t.Log("a got the tenant while b held it")
		t.Fail()
	}
	storetest.Must(t, b.Close())
	var admin string
	storetest.Must(t, a.View(func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		admin = o.AdminUPN
		return err
	}))
	if admin != "trainer@contoso.onmicrosoft.com" {
		t.Errorf("a reads %q after b's change", admin)
	}
	if a.PrincipalsGeneration() == gen {
		t.Error("another process's change did not move the generation")
	}
	storetest.Must(t, a.Acquire())
	if _, err := tenant.Open(path, store.Options{LockTimeout: store.NoWait, ReadOnly: true}); !errors.As(err, &le) {
		t.Errorf("open while a holds it again after Acquire: %v", err)
	}
}

// A tenant missing the index or the bucket of a kind every tenant has
// gets it back when it is opened for writing; a read-only open leaves the
// file as it is.
func TestOpenRestoresMissingBuckets(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tenant.db")
	s, err := tenant.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Must(t, s.Close())
	kind := directory.Mailboxes.Bucket()
	for _, drop := range []string{"idx", kind} {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		storetest.Must(t, db.Update(func(btx *bolt.Tx) error { return btx.DeleteBucket([]byte(drop)) }))
		storetest.Must(t, db.Close())
		has := func() bool {
			db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			found := false
			_ = db.View(func(btx *bolt.Tx) error { found = btx.Bucket([]byte(drop)) != nil; return nil })
			return found
		}
		ro, err := tenant.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		storetest.Must(t, ro.Close())
		if has() {
			t.Fatalf("a read-only open created bucket %s", drop)
		}
		rw, err := tenant.Open(path, store.Options{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		storetest.Must(t, rw.Close())
		if !has() {
			t.Errorf("opening for writing did not restore bucket %s", drop)
		}
	}
}

// CloseAtExit lets go of the tenant as Close does, leaving only the memory
// mapping: another open finds the tenant free at once, with no holder
// listed, and sees what was committed.
func TestCloseAtExitReleasesTheTenant(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tenant.db")
	for _, readOnly := range []bool{false, true} {
		if !readOnly {
			a, err := tenant.Open(path, store.Options{NoSync: true, LockTimeout: store.NoWait})
			if err != nil {
				t.Fatal(err)
			}
			storetest.Must(t, seed.Init(a, seed.Contoso, time.Time{}, false))
			storetest.Must(t, a.CloseAtExit())
			storetest.Must(t, a.CloseAtExit()) // closed: nothing more to do
			storetest.Must(t, a.Close())
			continue
		}
		r, err := tenant.Open(path, store.Options{LockTimeout: store.NoWait, ReadOnly: true})
		if err != nil {
			t.Fatalf("read-only open after CloseAtExit: %v", err)
		}
		storetest.Must(t, r.CloseAtExit())
	}
	if h := tenantfile.Holders(path); len(h) != 0 {
		t.Errorf("holders listed after CloseAtExit: %v", h)
	}
	b, err := tenant.Open(path, store.Options{LockTimeout: store.NoWait})
	if err != nil {
		t.Fatalf("open after CloseAtExit: %v", err)
	}
	defer b.Close()
	storetest.Must(t, b.View(func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		if err == nil && o.AdminUPN == "" {
			t.Error("the seeded organization is missing")
		}
		return err
	}))
}
