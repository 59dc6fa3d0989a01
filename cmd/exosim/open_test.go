package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/exosim/exosim/store"
	storetenant "github.com/exosim/exosim/store/tenant"
)

// Every command refuses a tenant path that is not an exosim tenant file,
// without hanging on a FIFO and without touching a text file, and says a
// truncated tenant is damaged instead of reporting an internal error.
func TestRefusedTenantFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	t.Parallel()
	bin := exosimBinary(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(text, []byte("shopping list\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.db")
	if _, errs, code, _ := runExosim(t, bin, "--tenant", cut, "tenant", "init", "--mailboxes", "150"); code != 0 {
		t.Fatal(errs)
	}
	fi, err := os.Stat(cut)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(cut, fi.Size()/3); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "is not an exosim tenant: it is not a regular file"},
		{text, "is not an exosim tenant: it is not a bbolt database"},
		{cut, "is damaged: it is "},
	} {
		for _, args := range [][]string{{"tenant", "check"}, {"tenant", "info"}, {"tenant", "export"}, {"-c", "Get-Mailbox annb"}, {"lab", "check"}} {
			_, errs, code, _ := runExosim(t, bin, append([]string{"--tenant", tc.path}, args...)...)
			if code != 1 || !strings.Contains(errs, tc.want) || strings.Contains(errs, "internal error") {
				t.Errorf("%s %v: exit %d, stderr %q, want %q", filepath.Base(tc.path), args, code, errs, tc.want)
			}
		}
	}
	if data, _ := os.ReadFile(text); string(data) != "shopping list\n" {
		t.Errorf("the text file was changed: %q", data)
	}
}

// --lock-timeout 0 does not wait for a held tenant.
func TestLockTimeoutZero(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	t.Parallel()
	bin := exosimBinary(t)
	tenant := filepath.Join(t.TempDir(), "tenant.db")
	if _, errs, code, _ := runExosim(t, bin, "--tenant", tenant, "tenant", "init"); code != 0 {
		t.Fatal(errs)
	}
	st, err := storetenant.Open(tenant, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{{"-c", "Get-Mailbox annb"}, {"tenant", "info"}, {"tenant", "init", "--mailboxes", "10", "--force"}} {
		_, errs, code, _ := runExosim(t, bin, append([]string{"--tenant", tenant, "--lock-timeout", "0"}, args...)...)
		if code != 1 || !strings.Contains(errs, "is locked by") || !strings.Contains(errs, "(waited 0s)") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
