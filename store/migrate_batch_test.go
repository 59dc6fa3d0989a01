package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/storetest"
	"github.com/exosim/exosim/store/tenant"
)

// oldTenantFile writes at path a tenant of n synthetic mailboxes as an
// exosim of schema version 1 or 2 stored it: every record in JSON and, in
// version 1, folders without item cohorts.
func oldTenantFile(t *testing.T, path string, n, version int) {
	t.Helper()
	s := syntheticTenantFile(t, path, n)
	defer s.Close()
	err := s.Update(func(tx *store.Tx) error {
		if err := rewriteRecordsAsJSON(tx); err != nil {
			return err
		}
		if version == 1 {
			err := forEachStoredRecord(tx, func(bucket string, b *bolt.Bucket, k, v []byte) error {
				if bucket != directory.Contents.Bucket() {
					return nil
				}
				var doc map[string]any
				d := json.NewDecoder(bytes.NewReader(v))
				d.UseNumber()
				if err := d.Decode(&doc); err != nil {
					return err
				}
				for _, side := range []string{"primary", "archive"} {
					fs, _ := doc[side].([]any)
					for _, f := range fs {
						delete(f.(map[string]any), "cohorts")
					}
				}
				out, err := json.Marshal(doc)
				if err != nil {
					return err
				}
				return b.Put(k, out)
			})
			if err != nil {
				return err
			}
		}
		return store.TxMetaPut(tx, store.MetaSchemaVersion, strconv.Itoa(version))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// migratedCopy migrates a copy of the tenant file at path without a cut
// and returns its export.
func migratedCopy(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "control.db")
	if err := os.WriteFile(cp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := tenant.Open(cp, store.Options{LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return storetest.Export(t, s)
}

// boltUpdate runs fn on the bbolt file at path, past the store.
func boltUpdate(t *testing.T, path string, readOnly bool, fn func(btx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: readOnly})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if readOnly {
		err = db.View(fn)
	} else {
		err = db.Update(fn)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// Migrations 1 → 2 and 2 → 3 commit a batch of records at a time: one
// that fails on a record (here one damaged on purpose, the last of its
// bucket) keeps the batches before it and leaves the file at its version;
// once the record is mended the next open finishes the migration, and the
// tenant is the one an uninterrupted migration makes.
func TestEarlyMigrationCutShortIsFinished(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		version int
		bucket  string // the bucket the migration is cut in
	}{
		{1, directory.Contents.Bucket()},
		{2, directory.Mailboxes.Bucket()},
	} {
		t.Run("from "+strconv.Itoa(c.version), func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "old.db")
			oldTenantFile(t, path, 60, c.version)
			want := migratedCopy(t, path)

			var key, good []byte
			boltUpdate(t, path, false, func(btx *bolt.Tx) error {
				b := btx.Bucket([]byte(c.bucket))
				k, v := b.Cursor().Last()
				key, good = append([]byte(nil), k...), append([]byte(nil), v...)
				return b.Put(key, []byte(`{"damaged":`))
			})
			if _, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond, MigrationBatch: 10}); err == nil {
				t.Fatal("a migration over a damaged record succeeded")
			}
			if v := fileSchemaVersion(t, path); v != c.version {
				t.Fatalf("schema version after the cut = %d, want %d", v, c.version)
			}
			// the batches before the damaged record were committed
			rewritten, left := 0, 0
			boltUpdate(t, path, true, func(btx *bolt.Tx) error {
				return btx.Bucket([]byte(c.bucket)).ForEach(func(k, v []byte) error {
					if store.IsJSONRecord(v) {
						left++
					} else {
						rewritten++
					}
					return nil
				})
			})
			if rewritten < 10 || left == 0 {
				t.Errorf("after the cut %d records of %s are rewritten, %d left: want the committed batches and the rest", rewritten, c.bucket, left)
			}

			boltUpdate(t, path, false, func(btx *bolt.Tx) error { return btx.Bucket([]byte(c.bucket)).Put(key, good) })
			s, err := tenant.Open(path, store.Options{LockTimeout: 200 * time.Millisecond, MigrationBatch: 10})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if v := fileSchemaVersionOf(t, s); v != store.SchemaVersion {
				t.Errorf("schema version after the next open = %d, want %d", v, store.SchemaVersion)
			}
			assertBinaryRecords(t, s)
			if got := storetest.Export(t, s); got != want {
				t.Error("the tenant exports differently after the resumed migration")
			}
			findings, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				t.Errorf("check finding after the resumed migration: %s", f)
			}
		})
	}
}

// migrateHelperEnv names the tenant file a child process of
// TestKilledEarlyMigrationIsFinished opens (and so migrates).
const migrateHelperEnv = "EXOSIM_TEST_MIGRATE_FILE"

// TestKilledEarlyMigrationIsFinished kills, at random moments, a process
// that opens a schema-1 tenant file and so migrates it through every
// version a batch at a time: each time the file is migrated or left at a
// version a read-only open refuses, and the next read-write open finishes
// the migration into the tenant an uninterrupted one makes.
// EXOSIM_CRASH_SEED fixes the kill points.
func TestKilledEarlyMigrationIsFinished(t *testing.T) {
	if path := os.Getenv(migrateHelperEnv); path != "" {
		s, err := tenant.Open(path, store.Options{LockTimeout: 5 * time.Second, MigrationBatch: 10})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		return
	}
	if testing.Short() {
		t.Skip("kills processes")
	}
	t.Parallel()
	seed := time.Now().UnixNano()
	if v, err := strconv.ParseInt(os.Getenv("EXOSIM_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("EXOSIM_CRASH_SEED=%d", seed)
	rng := rand.New(rand.NewSource(seed))
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	oldTenantFile(t, path, 60, 1)
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	migrate := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledEarlyMigrationIsFinished$")
		cmd.Env = append(os.Environ(), migrateHelperEnv+"="+path)
		return cmd
	}
	// how long an uninterrupted migration takes here, to kill within it
	began := time.Now()
	if out, err := migrate().CombinedOutput(); err != nil {
		t.Fatalf("migration: %v\n%s", err, out)
	}
	whole := time.Since(began)
	want := storetest.ExportFile(t, path)
	cut := 0
	for round := 0; round < 3; round++ {
		if err := os.WriteFile(path, old, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := migrate()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int63n(int64(whole)))
		timer := time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		if killed := !timer.Stop(); err != nil && !killed {
			t.Fatalf("the migration failed without being killed: %v", err)
		}
		ro, openErr := tenant.Open(path, store.Options{ReadOnly: true})
		if openErr == nil {
			ro.Close()
		}
		var me *store.SchemaMigrationError
		switch {
		case errors.As(openErr, &me):
			cut++
			t.Logf("killed after %s: left at schema version %d", delay, me.Found)
		case openErr != nil:
			t.Fatalf("killed after %s: %v", delay, openErr)
		default:
			t.Logf("killed after %s: migrated", delay)
		}
		s, err := tenant.Open(path, store.Options{LockTimeout: 5 * time.Second, MigrationBatch: 10})
		if err != nil {
			t.Fatalf("open after a kill after %s: %v", delay, err)
		}
		got := storetest.Export(t, s)
		s.Close()
		if got != want {
			t.Fatalf("after a kill after %s the migrated tenant differs", delay)
		}
	}
	t.Logf("%d of 3 kills cut a migration short", cut)
}
