package main

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/tenant"
)

// setFileSchemaVersion rewrites the schema version recorded in a tenant
// file, as an older exosim would have left it.
func setFileSchemaVersion(t *testing.T, path, v string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(btx *bolt.Tx) error {
		return btx.Bucket([]byte("meta")).Put([]byte("schemaVersion"), []byte(v))
	}); err != nil {
		t.Fatal(err)
	}
}

// TestOlderSchemaIsMigrated: importing a schema-1 export migrates it, and
// the read-only commands (tenant info, check) open an older tenant file
// read-write once, which migrates it, instead of failing.
func TestOlderSchemaIsMigrated(t *testing.T) {
	t.Parallel()
	bin := exosimBinary(t)
	path := filepath.Join(t.TempDir(), "tenant.db")
	fixture := filepath.Join("..", "..", "store", "testdata", "tenant-schema1-empty.json")
	want := "Schema version: " + itoa(store.SchemaVersion)

	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "import", fixture); code != 0 {
		t.Fatalf("tenant import = %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "info"); code != 0 || !strings.Contains(out, want) {
		t.Fatalf("tenant info after import = %d\n%s%s", code, out, errOut)
	}

	setFileSchemaVersion(t, path, "1")
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "check"); code != 0 || !strings.Contains(out, "checks passed") {
		t.Fatalf("tenant check of a schema-1 file = %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "info"); code != 0 || !strings.Contains(out, want) {
		t.Fatalf("tenant info after check = %d\n%s%s", code, out, errOut)
	}

	setFileSchemaVersion(t, path, "1")
	if out, errOut, code, _ := runExosim(t, bin, "--tenant", path, "tenant", "info"); code != 0 || !strings.Contains(out, want) {
		t.Fatalf("tenant info of a schema-1 file = %d\n%s%s", code, out, errOut)
	}
}

// TestKilledMigrationIsFinished kills the first open of an old tenant
// (which migrates it a batch at a time) at random moments: each time the
// file is either migrated or still at an older schema version that a
// read-only open refuses, never marked as migrated with records left
// over; the next command finishes the migration, and the tenant is the
// one it was. EXOSIM_CRASH_SEED fixes the kill points.
func TestKilledMigrationIsFinished(t *testing.T) {
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
	bin := exosimBinary(t)
	path := filepath.Join(t.TempDir(), "tenant.db")
	if out, err := exec.Command(bin, "--tenant", path, "tenant", "init", "--mailboxes", "500").CombinedOutput(); err != nil {
		t.Fatalf("tenant init: %v\n%s", err, out)
	}
	want := exportOf(t, path)
	// how long an uninterrupted migration takes here, to kill within it
	setFileSchemaVersion(t, path, "5")
	began := time.Now()
	if out, err := exec.Command(bin, "--tenant", path, "tenant", "info").CombinedOutput(); err != nil {
		t.Fatalf("tenant info: %v\n%s", err, out)
	}
	whole := time.Since(began)
	cut := 0
	for round := 0; round < 6; round++ {
		setFileSchemaVersion(t, path, "5")
		cmd := exec.Command(bin, "--tenant", path, "tenant", "info")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int63n(int64(whole)))
		timer := time.AfterFunc(delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		killed := !timer.Stop()
		if err != nil && !killed {
			t.Fatalf("tenant info failed without being killed: %v", err)
		}
		ro, openErr := tenant.Open(path, store.Options{ReadOnly: true})
		if openErr == nil {
			ro.Close()
		}
		var me *store.SchemaMigrationError
		switch {
		case errors.As(openErr, &me):
			cut++
			if me.Found < 5 || me.Found >= store.SchemaVersion {
				t.Fatalf("killed after %s: schema version %d", delay, me.Found)
			}
			t.Logf("killed after %s: left at schema version %d", delay, me.Found)
		case openErr != nil:
			t.Fatalf("killed after %s: %v", delay, openErr)
		default:
			t.Logf("killed after %s: migrated", delay)
		}
		if out, err := exec.Command(bin, "--tenant", path, "tenant", "check").CombinedOutput(); err != nil {
			t.Fatalf("tenant check after a kill after %s: %v\n%s", delay, err, out)
		}
		if got := exportOf(t, path); !bytes.Equal(got, want) {
			t.Fatalf("after a kill after %s the migrated tenant differs:\n%s", delay, firstDiff(got, want))
		}
	}
	t.Logf("%d of 6 kills cut a migration short", cut)
}
