package seed_test

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

// TestRebuildWritesIndexAtCompaction builds the same synthetic tenant
// twice, once into an open tenant and once as a replacement (which leaves
// the index of its bulk-loaded records to the compaction), and checks
// that both files hold the same records and index entries and that the
// replacement passes the tenant checks.
func TestRebuildWritesIndexAtCompaction(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	build := func(s *store.Store) error {
		if err := seed.Init(s, seed.Contoso, time.Time{}, true); err != nil {
			return err
		}
		return seed.BuildSynthetic(s, seed.SyntheticOptions{Mailboxes: 400, BatchSize: 150})
	}
	plain := filepath.Join(dir, "plain.db")
	s, err := tenant.Open(plain, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := build(s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rebuilt := filepath.Join(dir, "rebuilt.db")
	if err := tenant.Rebuild(rebuilt, store.Options{}, func(_, fresh *store.Store) error { return build(fresh) }); err != nil {
		t.Fatal(err)
	}
	want, got := contents(t, plain), contents(t, rebuilt)
	for name, w := range want {
		if g := got[name]; len(g) != len(w) {
			t.Errorf("bucket %s: %d keys after the rebuild, %d in the open tenant", name, len(g), len(w))
		} else {
			for k, v := range w {
				if g[k] != v {
					t.Errorf("bucket %s, key %q differs", name, k)
					break
				}
			}
		}
	}
	if len(want["idx"]) == 0 {
		t.Fatal("the open tenant has no index")
	}
	s, err = tenant.Open(rebuilt, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if f := storetest.Findings(t, s); f != "" {
		t.Errorf("tenant check of the rebuilt tenant:\n%s", f)
	}
}

// contents returns every bucket of a bbolt file, key to value.
func contents(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]map[string]string{}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			m := map[string]string{}
			out[string(name)] = m
			return b.ForEach(func(k, v []byte) error {
				m[string(k)] = string(bytes.Clone(v))
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
